namespace Platform.Licensing.Model;

/// <summary>An API key of a tenant. Only the SHA-256 digest of the secret is kept; the secret is shown once.</summary>
public sealed class ApiKey
{
    public const string AdminScope = "admin";
    public const string ValidateScope = "validate";

    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required ApiEnvironment Environment { get; init; }
    public required string Name { get; set; }
    public required byte[] Digest { get; init; }

    /// <summary>The first characters of the secret, enough to recognise a key in a list.</summary>
    public required string DisplayPrefix { get; init; }

    public required List<string> Scopes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
