namespace LicensePlatform.Client.Management;

/// <summary>Products (<c>/api/v1/products</c>): <see cref="LicenseManagementClient.Products"/>.</summary>
public sealed class ProductsClient
{
    private readonly PlatformHttp http;

    internal ProductsClient(PlatformHttp http) => this.http = http;

    /// <summary>Creates a product.</summary>
    /// <param name="request">The product.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key and request again answer the first product and create nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>MISSING_FIELDS</c>, <c>VALIDATION_ERROR</c>.</exception>
    public Task<Product> CreateAsync(CreateProductRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return http.SendAsync<Product>(HttpMethod.Post, "api/v1/products", request, cancellationToken, Routes.IdempotencyKey(idempotencyKey));
    }

    /// <summary>One page of the products, the newest first.</summary>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="limit">Products per page, 1–100 (default 20).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Page<Product>> ListAsync(int? page = null, int? limit = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<Page<Product>>(HttpMethod.Get, Routes.WithQuery("api/v1/products", ("page", page), ("limit", limit)), null, cancellationToken);

    /// <summary>A product.</summary>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<Product> GetAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<Product>(HttpMethod.Get, $"api/v1/products/{Routes.Segment(id, nameof(id))}", null, cancellationToken);
}
