namespace Platform.Billing.Model;

/// <summary>A Stripe webhook signing secret (<c>whsec_…</c>) of one tenant and environment.</summary>
internal sealed record WebhookSecret(string Id, string Secret, DateTimeOffset CreatedAt)
{
    /// <summary>Enough of the secret to tell which one it is, never the secret itself.</summary>
    public string Hint => $"whsec_…{Secret[^4..]}";
}
