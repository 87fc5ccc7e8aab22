namespace LicensePlatform.Client.Management;

/// <summary>
/// Webhook endpoints and their deliveries (<c>/api/v1/webhooks</c>): <see cref="LicenseManagementClient.Webhooks"/>. The
/// Webhooks service does not take <c>Idempotency-Key</c>: a create retried after a lost answer may make a second endpoint.
/// </summary>
public sealed class WebhooksClient
{
    private readonly PlatformHttp http;

    internal WebhooksClient(PlatformHttp http) => this.http = http;

    /// <summary>Creates an endpoint; the answer holds its signing secret, shown this once only.</summary>
    /// <param name="request">The endpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>URL_NOT_ALLOWED</c>, <c>VALIDATION_ERROR</c> (an unknown event), <c>MISSING_FIELDS</c>.</exception>
    public async Task<CreatedWebhookEndpoint> CreateAsync(CreateWebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await http.SendAsync<JsonElement>(HttpMethod.Post, "api/v1/webhooks", request, cancellationToken);
        return new CreatedWebhookEndpoint(JsonAnswer.Read<WebhookEndpoint>(answer), JsonAnswer.Secret(answer));
    }

    /// <summary>One page of the endpoints.</summary>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="limit">Endpoints per page, 1–100 (default 20).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Page<WebhookEndpoint>> ListAsync(int? page = null, int? limit = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<Page<WebhookEndpoint>>(HttpMethod.Get, Routes.WithQuery("api/v1/webhooks", ("page", page), ("limit", limit)), null, cancellationToken);

    /// <summary>An endpoint.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<WebhookEndpoint> GetAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<WebhookEndpoint>(HttpMethod.Get, Path(id), null, cancellationToken);

    /// <summary>Changes an endpoint: the fields set in <paramref name="changes"/>, the rest as it is.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="changes">What changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The endpoint after the change.</returns>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>URL_NOT_ALLOWED</c>, <c>VALIDATION_ERROR</c>, <c>NOT_FOUND</c>.</exception>
    public Task<WebhookEndpoint> UpdateAsync(string id, UpdateWebhookRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return http.SendAsync<WebhookEndpoint>(HttpMethod.Patch, Path(id), changes, cancellationToken);
    }

    /// <summary>Deletes an endpoint and its deliveries.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.SendAsync(HttpMethod.Delete, Path(id), null, cancellationToken);
    }

    /// <summary>Gives an endpoint a new signing secret; for 24 hours deliveries are signed with the previous one as well.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c>.</exception>
    public Task<WebhookSecret> RotateSecretAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<WebhookSecret>(HttpMethod.Post, Path(id) + "/rotate-secret", null, cancellationToken);

    /// <summary>One page of an endpoint's deliveries, the newest first; only those in <paramref name="status"/> when it is set.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="status">Only deliveries in this status.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="limit">Deliveries per page, 1–100 (default 20).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c> (the endpoint).</exception>
    public Task<Page<WebhookDelivery>> ListDeliveriesAsync(string id, WebhookDeliveryStatus? status = null, int? page = null, int? limit = null,
        CancellationToken cancellationToken = default) =>
        http.SendAsync<Page<WebhookDelivery>>(HttpMethod.Get,
            Routes.WithQuery(Path(id) + "/deliveries", ("status", status), ("page", page), ("limit", limit)), null, cancellationToken);

    /// <summary>One delivery of an endpoint.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="deliveryId">The delivery's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>NOT_FOUND</c> (the endpoint or the delivery).</exception>
    public Task<WebhookDelivery> GetDeliveryAsync(string id, string deliveryId, CancellationToken cancellationToken = default) =>
        http.SendAsync<WebhookDelivery>(HttpMethod.Get, DeliveryPath(id, deliveryId), null, cancellationToken);

    /// <summary>Sends a delivery's event again, as a new delivery (its <see cref="WebhookDelivery.RedeliveryOf"/> names the first).</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="deliveryId">The delivery to repeat.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new delivery, queued.</returns>
    /// <exception cref="LicenseApiException"><c>CONFLICT</c> while the endpoint is disabled; <c>NOT_FOUND</c>.</exception>
    public Task<WebhookDelivery> RedeliverAsync(string id, string deliveryId, CancellationToken cancellationToken = default) =>
        http.SendAsync<WebhookDelivery>(HttpMethod.Post, DeliveryPath(id, deliveryId) + "/redeliver", null, cancellationToken);

    /// <summary>Queues one <c>webhook.test</c> event to the endpoint (a single attempt).</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The test's delivery, queued.</returns>
    /// <exception cref="LicenseApiException"><c>CONFLICT</c> while the endpoint is disabled; <c>NOT_FOUND</c>.</exception>
    public Task<WebhookDelivery> TestAsync(string id, CancellationToken cancellationToken = default) =>
        http.SendAsync<WebhookDelivery>(HttpMethod.Post, Path(id) + "/test", null, cancellationToken);

    private static string Path(string id) => $"api/v1/webhooks/{Routes.Segment(id, nameof(id))}";

    private static string DeliveryPath(string id, string deliveryId) => $"{Path(id)}/deliveries/{Routes.Segment(deliveryId, nameof(deliveryId))}";
}
