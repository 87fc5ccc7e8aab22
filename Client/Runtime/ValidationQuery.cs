namespace LicensePlatform.Client;

/// <summary>What to validate: a key, and optionally what the license must allow.</summary>
public sealed record ValidationQuery
{
    /// <summary>The license key. Required.</summary>
    public required string Key { get; init; }

    /// <summary>The domain the app runs on, for licenses bound to domains.</summary>
    public string? Domain { get; init; }

    /// <summary>This machine's id (<see cref="MachineFingerprint"/>), for licenses that require activation.</summary>
    public string? MachineId { get; init; }

    /// <summary>The product the key must be for; <see cref="LicenseClientOptions.ProductId"/> when not set.</summary>
    public string? ProductId { get; init; }

    /// <summary>Features the license must include.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
}
