namespace LicensePlatform.Client.Management;

/// <summary>The tenant's API keys in the calling key's environment (<c>/api/v1/api-keys</c>): <see cref="LicenseManagementClient.ApiKeys"/>.</summary>
public sealed class ApiKeysClient
{
    /// <summary>The scope of the admin API.</summary>
    public const string AdminScope = "admin";

    /// <summary>The scope of validation, activation and seats (it lifts the per-address rate limit).</summary>
    public const string ValidateScope = "validate";

    private readonly PlatformHttp http;

    internal ApiKeysClient(PlatformHttp http) => this.http = http;

    /// <summary>Creates an API key in the calling key's environment; the answer holds its secret, shown this once only.</summary>
    /// <param name="name">Its name, up to 200 characters.</param>
    /// <param name="scopes">What it may do: <see cref="AdminScope"/> and/or <see cref="ValidateScope"/>; admin when null.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key and request again answer the first key and create nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>MISSING_FIELDS</c>, <c>VALIDATION_ERROR</c> (an unknown scope).</exception>
    public async Task<CreatedApiKey> CreateAsync(string name, IEnumerable<string>? scopes = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var answer = await http.SendAsync<JsonElement>(HttpMethod.Post, "api/v1/api-keys", new { name, scopes = scopes?.ToList() }, cancellationToken,
            Routes.IdempotencyKey(idempotencyKey));
        return new CreatedApiKey(JsonAnswer.Read<ApiKeyInfo>(answer), JsonAnswer.Secret(answer));
    }

    /// <summary>One page of the keys, revoked ones included, the newest first.</summary>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="limit">Keys per page, 1–100 (default 20).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Page<ApiKeyInfo>> ListAsync(int? page = null, int? limit = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<Page<ApiKeyInfo>>(HttpMethod.Get, Routes.WithQuery("api/v1/api-keys", ("page", page), ("limit", limit)), null, cancellationToken);

    /// <summary>Revokes a key: the Gateway refuses it from then on. Revoking it again changes nothing.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, revoked.</returns>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<ApiKeyInfo> RevokeAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<ApiKeyInfo>(HttpMethod.Delete, $"api/v1/api-keys/{Routes.Segment(id, nameof(id))}", null, cancellationToken);
}
