namespace Platform.Validation.Model;

/// <summary>The stable codes of validation refusals, with the HTTP status each is answered with.</summary>
internal static class ValidationCodes
{
    public const string InvalidKeyFormat = "INVALID_KEY_FORMAT";
    public const string LicenseNotFound = "LICENSE_NOT_FOUND";
    public const string LicenseExpired = "LICENSE_EXPIRED";
    public const string LicenseSuspended = "LICENSE_SUSPENDED";
    public const string LicenseRevoked = "LICENSE_REVOKED";
    public const string KeyRotated = "KEY_ROTATED";
    public const string ProductMismatch = "PRODUCT_MISMATCH";
    public const string DomainMismatch = "DOMAIN_MISMATCH";
    public const string DomainLimitReached = "DOMAIN_LIMIT_REACHED";
    public const string MachineNotActivated = "MACHINE_NOT_ACTIVATED";
    public const string ActivationLimitReached = "ACTIVATION_LIMIT_REACHED";
    public const string NoSeatsAvailable = "NO_SEATS_AVAILABLE";
    public const string FeatureNotEntitled = "FEATURE_NOT_ENTITLED";
    public const string LeaseNotFound = "LEASE_NOT_FOUND";
    public const string MachineNotFound = "MACHINE_NOT_FOUND";

    /// <summary>400 for a malformed key, 404 for an unknown one or lease, 403 for every refusal by the license's state or terms.</summary>
    public static int StatusOf(string code) => code switch
    {
        InvalidKeyFormat => StatusCodes.Status400BadRequest,
        LicenseNotFound or LeaseNotFound or MachineNotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status403Forbidden,
    };
}
