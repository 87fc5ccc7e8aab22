namespace LicensePlatform.Client.Management;

/// <summary>An API key of the tenant; its secret is never shown again after creation.</summary>
/// <param name="Id">The key's id (<c>key_…</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Environment"><c>test</c> or <c>live</c>: the environment it works in, the creating key's.</param>
/// <param name="Prefix">The first characters of its secret (e.g. <c>to_test_AbCd</c>), to recognise it by.</param>
/// <param name="Scopes">What it may do: <c>admin</c>, <c>validate</c>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="LastUsedAt">When it was last used; null if never.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record ApiKeyInfo(
    string Id,
    string Name,
    string Environment,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
