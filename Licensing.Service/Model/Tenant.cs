namespace Platform.Licensing.Model;

/// <summary>A vendor using the platform. Every other row belongs to one tenant.</summary>
public sealed class Tenant
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required RateLimitPlan Plan { get; set; }
    public string KeyPrefix { get; set; } = Contracts.Keys.LicenseKeyFormat.DefaultPrefix;
    public DateTimeOffset CreatedAt { get; init; }
}
