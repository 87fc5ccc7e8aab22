namespace Platform.Licensing.Model;

/// <summary>Software a tenant sells licenses for (<c>prod_…</c>).</summary>
public sealed class Product
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required ApiEnvironment Environment { get; init; }
    public required string Name { get; set; }
    public List<string> Platforms { get; set; } = [];
    public string Metadata { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; init; }
}
