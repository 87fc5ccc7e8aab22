namespace LicensePlatform.Client.Management;

/// <summary>A new webhook endpoint and its signing secret, which the platform shows this once only.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Secret">The secret (<c>whsec_…</c>) that signs its deliveries (<c>X-TO-Signature</c>); keep it.</param>
public sealed record CreatedWebhookEndpoint(WebhookEndpoint Endpoint, string Secret);
