namespace LicensePlatform.Client.Management;

/// <summary>A machine to activate on a license.</summary>
public sealed record ActivateMachineRequest
{
    /// <summary>The license's id. Required.</summary>
    public required string LicenseId { get; init; }

    /// <summary>The machine's fingerprint, up to 256 characters (e.g. <see cref="LicenseClient.MachineId"/>). Required.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>A name people recognise.</summary>
    public string? Name { get; init; }

    /// <summary>Its operating system, e.g. <c>linux</c>.</summary>
    public string? Platform { get; init; }

    /// <summary>Its host name.</summary>
    public string? Hostname { get; init; }

    /// <summary>Its address.</summary>
    public string? Ip { get; init; }
}
