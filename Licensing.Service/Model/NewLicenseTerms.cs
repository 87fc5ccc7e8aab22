namespace Platform.Licensing.Model;

/// <summary>
/// The safe defaults of a new license where neither the request nor its plan says: a trial lasts <see cref="TrialDays"/>
/// days; a license without a plan must name its type; a subscription needs an end (its own expiry, its plan's
/// duration, or a billing source that renews it); an expiry in the past is refused on create. (The activations'
/// default is in <see cref="LicenseTerms"/>, so that a plan given later applies.) An imported license keeps what it had
/// elsewhere: only its plan fills gaps, and a missing type is perpetual, as the platform has always read it.
/// </summary>
internal static class NewLicenseTerms
{
    public const int TrialDays = 14;

    public static (LicenseType Type, DateTimeOffset? ExpiresAt) Of(LicenseSpec spec, Plan? plan, DateTimeOffset now)
    {
        if (spec.Origin == LicenseOrigin.Import)
        {
            return (spec.Type ?? plan?.LicenseType ?? LicenseType.Perpetual,
                spec.ExpiresAt ?? (plan?.DurationDays is { } term ? now.AddDays(term) : null));
        }

        var type = spec.Type ?? plan?.LicenseType ?? (spec.Origin == LicenseOrigin.Billing
            ? LicenseType.Perpetual
            : throw new LicenseTermsException("type", "is required when the license has no plan (perpetual, subscription, trial or floating)"));
        // A payment processed late (Stripe retried it after an outage) may name a period already over: still issued.
        if (spec.ExpiresAt < now && spec.Origin == LicenseOrigin.Api)
        {
            throw new LicenseTermsException("expires_at", "is in the past");
        }

        var expiresAt = spec.ExpiresAt
            ?? (plan?.DurationDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null)
            ?? (type == LicenseType.Trial ? now.AddDays(TrialDays) : (DateTimeOffset?)null);
        if (type == LicenseType.Subscription && expiresAt is null && spec.Origin != LicenseOrigin.Billing)
        {
            throw new LicenseTermsException("expires_at", "is required for a subscription without a plan duration or a billing source");
        }

        return (type, expiresAt);
    }
}
