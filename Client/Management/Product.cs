namespace LicensePlatform.Client.Management;

/// <summary>A product: what licenses are for.</summary>
/// <param name="Id">The product's id (<c>prod_…</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Platforms">Where it runs: any of <c>windows</c>, <c>mac</c>, <c>linux</c>, <c>web</c>.</param>
/// <param name="Metadata">The vendor's own key/value pairs.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record Product(
    string Id,
    string Name,
    IReadOnlyList<string> Platforms,
    IReadOnlyDictionary<string, JsonElement> Metadata,
    DateTimeOffset CreatedAt);
