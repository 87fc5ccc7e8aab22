using System.Runtime.CompilerServices;

namespace LicensePlatform.Client.Management;

/// <summary>Licenses (<c>/api/v1/licenses</c>): <see cref="LicenseManagementClient.Licenses"/>. Each change is published as its event (webhooks).</summary>
public sealed partial class LicensesClient
{
    private const int MaxLimit = 100;
    private readonly PlatformHttp http;

    internal LicensesClient(PlatformHttp http) => this.http = http;

    /// <summary>Issues a license with a new key.</summary>
    /// <param name="request">The license.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key and request again answer the first license and issue nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>MISSING_FIELDS</c>, <c>VALIDATION_ERROR</c>, <c>NOT_FOUND</c> (product or plan), <c>IDEMPOTENCY_KEY_REUSED</c>.</exception>
    public async Task<License> CreateAsync(CreateLicenseRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await http.SendAsync<CreatedLicense>(HttpMethod.Post, "api/v1/licenses", request, cancellationToken, Routes.IdempotencyKey(idempotencyKey));
        return created.License;
    }

    /// <summary>Issues up to 100 licenses at once, all or none: one refused entry refuses the call, naming it (<c>licenses[3].type</c>).</summary>
    /// <param name="requests">The licenses, 1 to 100.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key and requests again answer the first licenses and issue nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The licenses, in the order of <paramref name="requests"/>.</returns>
    public async Task<IReadOnlyList<License>> CreateBatchAsync(IEnumerable<CreateLicenseRequest> requests, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var created = await http.SendAsync<LicenseList>(HttpMethod.Post, "api/v1/licenses/batch", new { licenses = requests.ToList() }, cancellationToken,
            Routes.IdempotencyKey(idempotencyKey));
        return created.Data;
    }

    /// <summary>One page of the licenses, the newest first, filtered by <paramref name="query"/>.</summary>
    /// <param name="query">The filters and the page; the first 20 of all licenses when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Page<License>> ListAsync(LicenseListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new LicenseListQuery();
        return http.SendAsync<Page<License>>(HttpMethod.Get, Routes.WithQuery("api/v1/licenses",
            ("page", query.Page), ("limit", query.Limit), ("status", query.Status), ("product_id", query.ProductId), ("plan_id", query.PlanId),
            ("customer_email", query.CustomerEmail)), null, cancellationToken);
    }

    /// <summary>
    /// Every license <paramref name="query"/>'s filters allow, the newest first, a page (of <see cref="LicenseListQuery.Limit"/>,
    /// default 100) at a time as the enumeration goes on. A license appears once; one issued during the walk may be left out.
    /// </summary>
    /// <param name="query">The filters; its <see cref="LicenseListQuery.Page"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public async IAsyncEnumerable<License> ListAllAsync(LicenseListQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = (query ?? new LicenseListQuery()) with { Page = 1 };
        next = next with { Limit = next.Limit ?? MaxLimit };
        while (true)
        {
            var page = await ListAsync(next, cancellationToken);
            foreach (var license in page.Data.Where(l => seen.Add(l.Id)))
            {
                yield return license;
            }

            if (!page.Pagination.HasMore || page.Data.Count == 0)
            {
                yield break;
            }

            next = next with { Page = next.Page + 1 };
        }
    }

    /// <summary>A license.</summary>
    /// <param name="id">The license's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<License> GetAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<License>(HttpMethod.Get, Path(id), null, cancellationToken);

    /// <summary>Changes a license (<c>PATCH</c>): the fields set in <paramref name="changes"/>, the rest as it is.</summary>
    /// <param name="id">The license's id.</param>
    /// <param name="changes">What changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The license after the change.</returns>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>VALIDATION_ERROR</c>, <c>NOT_FOUND</c> (the license, or a plan of another product).</exception>
    public Task<License> UpdateAsync(string id, UpdateLicenseRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return http.SendAsync<License>(HttpMethod.Patch, Path(id), changes, cancellationToken);
    }

    /// <summary>Suspends an active license; suspending a suspended one changes nothing.</summary>
    /// <param name="id">The license's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>CONFLICT</c> for an expired or revoked license; <c>NOT_FOUND</c>.</exception>
    public Task<License> SuspendAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<License>(HttpMethod.Post, Path(id) + "/suspend", null, cancellationToken);

    /// <summary>Makes a suspended license active again; reinstating an active one changes nothing.</summary>
    /// <param name="id">The license's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>CONFLICT</c> for an expired or revoked license; <c>NOT_FOUND</c>.</exception>
    public Task<License> ReinstateAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<License>(HttpMethod.Post, Path(id) + "/reinstate", null, cancellationToken);

    /// <summary>Revokes a license for good (<c>DELETE</c>; the license stays, revoked); revoking it again changes nothing.</summary>
    /// <param name="id">The license's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<License> RevokeAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<License>(HttpMethod.Delete, Path(id), null, cancellationToken);

    /// <summary>
    /// Renews a license until <paramref name="expiresAt"/>, or without it by its plan's duration from its current expiry (or
    /// from now, if that has passed). An expired license becomes active.
    /// </summary>
    /// <param name="id">The license's id.</param>
    /// <param name="expiresAt">Its new expiry, in the future; by the plan's duration when null.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key again answers the first renewal and extends nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>CONFLICT</c> for a suspended or revoked license, or one without a plan duration and no <paramref name="expiresAt"/>.</exception>
    public Task<License> RenewAsync(string id, DateTimeOffset? expiresAt = null, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<License>(HttpMethod.Post, Path(id) + "/renew", new { expiresAt }, cancellationToken, Routes.IdempotencyKey(idempotencyKey));

    /// <summary>Gives a license a new key; the previous one keeps validating for <paramref name="gracePeriodDays"/>, then is refused with <c>KEY_ROTATED</c>.</summary>
    /// <param name="licenseId">The license's id.</param>
    /// <param name="gracePeriodDays">How long the previous key keeps validating, 0–365 days.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key again answers the first rotation and makes no other key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>CONFLICT</c> for a revoked license; <c>VALIDATION_ERROR</c>; <c>NOT_FOUND</c>.</exception>
    public Task<RotatedKey> RotateAsync(string licenseId, int gracePeriodDays = 0, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(licenseId);
        return http.SendAsync<RotatedKey>(HttpMethod.Post, "api/v1/licenses/rotate", new { licenseId, gracePeriodDays }, cancellationToken,
            Routes.IdempotencyKey(idempotencyKey));
    }

    /// <summary>A license's validations: in all, per day over the last <paramref name="days"/>, and the latest.</summary>
    /// <param name="id">The license's id.</param>
    /// <param name="days">How many days back the daily counts go, 1–365 (default 30).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<LicenseUsage> GetUsageAsync(string id, int? days = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<LicenseUsage>(HttpMethod.Get, Routes.WithQuery(Path(id) + "/usage", ("days", days)), null, cancellationToken);

    private static string Path(string id) => $"api/v1/licenses/{Routes.Segment(id, nameof(id))}";

    private sealed record CreatedLicense(License License);

    private sealed record LicenseList(IReadOnlyList<License> Data);
}
