namespace LicensePlatform.Client.Management;

/// <summary>Machines (<c>/api/v1/machines</c>): <see cref="LicenseManagementClient.Machines"/>.</summary>
public sealed class MachinesClient
{
    private readonly PlatformHttp http;

    internal MachinesClient(PlatformHttp http) => this.http = http;

    /// <summary>
    /// Activates a machine on a license. Activation is idempotent by fingerprint: activating the same fingerprint again
    /// (a retry included) answers the machine it already is and uses no other activation, so no <c>Idempotency-Key</c> is
    /// sent (the platform answers 500 to this route when one is).
    /// </summary>
    /// <param name="request">The machine.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>ACTIVATION_LIMIT_REACHED</c>, <c>LICENSE_SUSPENDED</c>, <c>LICENSE_REVOKED</c>, <c>NOT_FOUND</c>.</exception>
    public Task<Machine> ActivateAsync(ActivateMachineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return http.SendAsync<Machine>(HttpMethod.Post, "api/v1/machines", request, cancellationToken);
    }

    /// <summary>One page of a license's machines, the latest activated first.</summary>
    /// <param name="licenseId">The license's id.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="limit">Machines per page, 1–100 (default 20).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Page<Machine>> ListAsync(string licenseId, int? page = null, int? limit = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<Page<Machine>>(HttpMethod.Get,
            Routes.WithQuery($"api/v1/licenses/{Routes.Segment(licenseId, nameof(licenseId))}/machines", ("page", page), ("limit", limit)), null, cancellationToken);

    /// <summary>A machine.</summary>
    /// <param name="id">The machine's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<Machine> GetAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<Machine>(HttpMethod.Get, $"api/v1/machines/{Routes.Segment(id, nameof(id))}", null, cancellationToken);

    /// <summary>Deactivates a machine, freeing its activation on the license.</summary>
    /// <param name="id">The machine's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>, also for a machine already deactivated.</exception>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.SendAsync(HttpMethod.Delete, $"api/v1/machines/{Routes.Segment(id, nameof(id))}", null, cancellationToken);
    }
}
