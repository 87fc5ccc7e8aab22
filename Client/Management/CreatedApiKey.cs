namespace LicensePlatform.Client.Management;

/// <summary>A new API key and its secret, which the platform shows this once only.</summary>
/// <param name="ApiKey">The key.</param>
/// <param name="Secret">The secret (<c>to_test_…</c> or <c>to_live_…</c>) to send as the bearer token; keep it.</param>
public sealed record CreatedApiKey(ApiKeyInfo ApiKey, string Secret);
