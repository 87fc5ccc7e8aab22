namespace LicensePlatform.Client;

/// <summary>The platform's stable error codes (the <c>code</c> of every refusal), and the client's own for offline answers.</summary>
public static class ErrorCodes
{
    /// <summary>The key is not a key at all, or its checksum fails (a typo).</summary>
    public const string InvalidKeyFormat = "INVALID_KEY_FORMAT";
    /// <summary>No license has the key (in the caller's tenant and environment).</summary>
    public const string LicenseNotFound = "LICENSE_NOT_FOUND";
    /// <summary>The key was replaced by rotation and its grace period has passed.</summary>
    public const string KeyRotated = "KEY_ROTATED";
    /// <summary>The license is suspended.</summary>
    public const string LicenseSuspended = "LICENSE_SUSPENDED";
    /// <summary>The license is revoked.</summary>
    public const string LicenseRevoked = "LICENSE_REVOKED";
    /// <summary>The license is past its expiry.</summary>
    public const string LicenseExpired = "LICENSE_EXPIRED";
    /// <summary>The key is for another product.</summary>
    public const string ProductMismatch = "PRODUCT_MISMATCH";
    /// <summary>The license requires activation and the machine is not activated.</summary>
    public const string MachineNotActivated = "MACHINE_NOT_ACTIVATED";
    /// <summary>A feature asked for is not in the license.</summary>
    public const string FeatureNotEntitled = "FEATURE_NOT_ENTITLED";
    /// <summary>The license's fixed domain list does not include the domain.</summary>
    public const string DomainMismatch = "DOMAIN_MISMATCH";
    /// <summary>A new domain while the license's domains are all bound.</summary>
    public const string DomainLimitReached = "DOMAIN_LIMIT_REACHED";
    /// <summary>Activating a new machine while every activation is in use.</summary>
    public const string ActivationLimitReached = "ACTIVATION_LIMIT_REACHED";
    /// <summary>Every floating seat is leased.</summary>
    public const string NoSeatsAvailable = "NO_SEATS_AVAILABLE";
    /// <summary>Deactivating a machine that is not activated.</summary>
    public const string MachineNotFound = "MACHINE_NOT_FOUND";
    /// <summary>A heartbeat or checkin of a seat lease that is unknown or has lapsed.</summary>
    public const string LeaseNotFound = "LEASE_NOT_FOUND";
    /// <summary>A required field is missing.</summary>
    public const string MissingFields = "MISSING_FIELDS";
    /// <summary>A field has a value the platform does not take.</summary>
    public const string ValidationError = "VALIDATION_ERROR";
    /// <summary>The body is not JSON.</summary>
    public const string InvalidJson = "INVALID_JSON";
    /// <summary>The call needs an API key.</summary>
    public const string AuthRequired = "AUTH_REQUIRED";
    /// <summary>The API key is unknown or revoked.</summary>
    public const string InvalidApiKey = "INVALID_API_KEY";
    /// <summary>The API key's scope does not allow the call.</summary>
    public const string Forbidden = "FORBIDDEN";
    /// <summary>The resource does not exist (in the caller's tenant and environment).</summary>
    public const string NotFound = "NOT_FOUND";
    /// <summary>The resource's state does not allow the change.</summary>
    public const string Conflict = "CONFLICT";
    /// <summary>An Idempotency-Key sent before with another body.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    /// <summary>Too many calls; retried after Retry-After.</summary>
    public const string RateLimited = "RATE_LIMITED";
    /// <summary>A part of the platform cannot be reached; retried.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>Offline: the kept token's offline grace (or the license itself) has run out.</summary>
    public const string OfflineGraceExpired = "OFFLINE_GRACE_EXPIRED";

    /// <summary>Offline: the kept token does not verify against the platform's keys, or does not match the question.</summary>
    public const string OfflineTokenInvalid = "OFFLINE_TOKEN_INVALID";
}
