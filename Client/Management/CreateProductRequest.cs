namespace LicensePlatform.Client.Management;

/// <summary>A product to create.</summary>
public sealed record CreateProductRequest
{
    /// <summary>Its name, up to 200 characters. Required.</summary>
    public required string Name { get; init; }

    /// <summary>Where it runs: any of <c>windows</c>, <c>mac</c>, <c>linux</c>, <c>web</c>.</summary>
    public IReadOnlyList<string>? Platforms { get; init; }

    /// <summary>The vendor's own key/value pairs (at most 16 KB of JSON).</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
