namespace LicensePlatform.Client.Management;

/// <summary>Plans (<c>/api/v1/plans</c>): <see cref="LicenseManagementClient.Plans"/>.</summary>
public sealed class PlansClient
{
    private readonly PlatformHttp http;

    internal PlansClient(PlatformHttp http) => this.http = http;

    /// <summary>Creates a plan for a product.</summary>
    /// <param name="request">The plan.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key and request again answer the first plan and create nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>VALIDATION_ERROR</c>, or <c>NOT_FOUND</c> for an unknown product.</exception>
    public Task<Plan> CreateAsync(CreatePlanRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return http.SendAsync<Plan>(HttpMethod.Post, "api/v1/plans", request, cancellationToken, Routes.IdempotencyKey(idempotencyKey));
    }

    /// <summary>One page of the plans, the newest first; only a product's when <paramref name="productId"/> is set.</summary>
    /// <param name="productId">The product whose plans to list; every product's when null.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="limit">Plans per page, 1–100 (default 20).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Page<Plan>> ListAsync(string? productId = null, int? page = null, int? limit = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<Page<Plan>>(HttpMethod.Get, Routes.WithQuery("api/v1/plans", ("product_id", productId), ("page", page), ("limit", limit)), null, cancellationToken);

    /// <summary>A plan.</summary>
    /// <param name="id">The plan's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<Plan> GetAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<Plan>(HttpMethod.Get, $"api/v1/plans/{Routes.Segment(id, nameof(id))}", null, cancellationToken);

    /// <summary>Changes a plan (<c>PATCH</c>): the fields set in <paramref name="changes"/>, the rest as it is.</summary>
    /// <param name="id">The plan's id.</param>
    /// <param name="changes">What changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>VALIDATION_ERROR</c>, <c>NOT_FOUND</c>.</exception>
    public Task<Plan> UpdateAsync(string id, UpdatePlanRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return http.SendAsync<Plan>(HttpMethod.Patch, $"api/v1/plans/{Routes.Segment(id, nameof(id))}", changes, cancellationToken);
    }
}
