namespace Platform.Licensing.Model;

/// <summary>
/// The safe defaults of a new license where neither the request nor its plan says. A trial lasts <see cref="TrialDays"/>
/// days. Through the API, a license without a plan must name its type and an expiry in the past is refused. A
/// subscription needs an end: its own expiry or its plan's duration (Billing passes the paid period's end). (The
/// activations' default is in <see cref="LicenseTerms"/>, so that a plan given later applies.) An import keeps what it
/// brings: only its plan fills gaps, a missing type is perpetual and nothing is refused; Billing issues what was paid
/// for, perpetual unless it says otherwise, even for a period already over (a payment processed late).
/// </summary>
internal static class NewLicenseTerms
{
    public const int TrialDays = 14;

    public static (LicenseType Type, DateTimeOffset? ExpiresAt) Of(LicenseSpec spec, Plan? plan, DateTimeOffset now)
    {
        var fromApi = spec.Origin == LicenseOrigin.Api;
        var imported = spec.Origin == LicenseOrigin.Import;
        var type = spec.Type ?? plan?.LicenseType ?? (fromApi
            ? throw new LicenseTermsException("type", "is required when the license has no plan (perpetual, subscription, trial or floating)")
            : LicenseType.Perpetual);
        if (fromApi && spec.ExpiresAt < now)
        {
            throw new LicenseTermsException("expires_at", "is in the past");
        }

        var expiresAt = spec.ExpiresAt
            ?? (plan?.DurationDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null)
            ?? (type == LicenseType.Trial && !imported ? now.AddDays(TrialDays) : (DateTimeOffset?)null);
        if (type == LicenseType.Subscription && expiresAt is null && !imported)
        {
            throw new LicenseTermsException("expires_at", "is required for a subscription without a plan duration");
        }

        return (type, expiresAt);
    }
}
