namespace LicensePlatform.Client.Management;

/// <summary>A webhook endpoint's new signing secret after a rotation.</summary>
/// <param name="Secret">The new secret (<c>whsec_…</c>), shown this once only.</param>
/// <param name="PreviousSecretExpiresAt">Until when deliveries carry a second signature with the previous secret (24 hours).</param>
public sealed record WebhookSecret(string Secret, DateTimeOffset PreviousSecretExpiresAt);
