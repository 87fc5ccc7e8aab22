namespace LicensePlatform.Client.Management;

/// <summary>The caller's tenant (<c>/api/v1/tenant</c>): <see cref="LicenseManagementClient.Tenant"/>.</summary>
public sealed class TenantClient
{
    private readonly PlatformHttp http;

    internal TenantClient(PlatformHttp http) => this.http = http;

    /// <summary>The tenant.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Tenant> GetAsync(CancellationToken cancellationToken = default) =>
        http.SendAsync<Tenant>(HttpMethod.Get, "api/v1/tenant", null, cancellationToken);

    /// <summary>Changes the tenant's name and/or the prefix of its new license keys; what is null stays as it is.</summary>
    /// <param name="name">A new name, 1–200 characters.</param>
    /// <param name="keyPrefix">A new prefix for license keys issued from now on, 2–8 of A–Z and 0–9 (existing keys keep theirs).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant after the change.</returns>
    /// <exception cref="LicenseApiException"><c>VALIDATION_ERROR</c>.</exception>
    public Task<Tenant> UpdateAsync(string? name = null, string? keyPrefix = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<Tenant>(HttpMethod.Patch, "api/v1/tenant", new { name, keyPrefix }, cancellationToken);
}
