namespace LicensePlatform.Client;

/// <summary>A machine to activate on a license.</summary>
public sealed record ActivationRequest
{
    /// <summary>The license key. Required.</summary>
    public required string Key { get; init; }

    /// <summary>The machine's id; this machine's fingerprint (<see cref="MachineFingerprint"/>) when not set.</summary>
    public string? MachineId { get; init; }

    /// <summary>A name people recognise, e.g. "Build server 2".</summary>
    public string? Name { get; init; }

    /// <summary>The operating system, e.g. <c>linux</c>.</summary>
    public string? Platform { get; init; }

    /// <summary>The machine's host name.</summary>
    public string? Hostname { get; init; }
}
