namespace LicensePlatform.Client;

/// <summary>The platform's 200 to <c>/validate</c>, as sent.</summary>
internal sealed record ValidAnswer(bool Valid, LicenseInfo License, DateTimeOffset ValidatedAt, bool Expired, bool ServedFromCache, ValidAnswer.SignedToken? OfflineToken)
{
    public LicenseValidation ToValidation() => new()
    {
        Valid = Valid,
        License = License,
        ValidatedAt = ValidatedAt,
        Expired = Expired,
        ServedFromCache = ServedFromCache,
        Source = ValidationSource.Platform,
        OfflineUntil = OfflineToken?.OfflineUntil,
        OfflineToken = OfflineToken?.Token,
    };

    internal sealed record SignedToken(string Token, string KeyId, DateTimeOffset OfflineUntil);
}
