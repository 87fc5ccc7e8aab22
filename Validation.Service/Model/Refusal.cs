namespace Platform.Validation.Model;

/// <summary>Why a license does not allow what was asked: a stable code and a sentence for people.</summary>
internal sealed record Refusal(string Code, string Message)
{
    public int Status => ValidationCodes.StatusOf(Code);

    public static readonly Refusal InvalidKeyFormat = new(ValidationCodes.InvalidKeyFormat, "The license key is malformed or its checksum does not match; check it for typos.");
    public static readonly Refusal NotFound = new(ValidationCodes.LicenseNotFound, "No license has this key.");
    public static readonly Refusal Suspended = new(ValidationCodes.LicenseSuspended, "The license is suspended.");
    public static readonly Refusal Revoked = new(ValidationCodes.LicenseRevoked, "The license is revoked.");
    public static readonly Refusal Expired = new(ValidationCodes.LicenseExpired, "The license has expired.");
    public static readonly Refusal KeyRotated = new(ValidationCodes.KeyRotated, "This key was replaced by a new one and its grace period has ended.");
    public static readonly Refusal ProductMismatch = new(ValidationCodes.ProductMismatch, "The license is for another product.");
    public static readonly Refusal DomainMismatch = new(ValidationCodes.DomainMismatch, "The license is not valid for this domain.");
    public static readonly Refusal DomainLimitReached = new(ValidationCodes.DomainLimitReached, "The license is bound to as many domains as it allows.");
    public static readonly Refusal MachineNotActivated = new(ValidationCodes.MachineNotActivated, "This machine is not activated on the license.");

    public static Refusal FeatureNotEntitled(IEnumerable<string> missing) =>
        new(ValidationCodes.FeatureNotEntitled, $"The license does not include: {string.Join(", ", missing)}.");

    /// <summary>A refusal Licensing answered with (its <c>x-error-code</c> trailer).</summary>
    public static Refusal FromLicensing(string code, string message) => new(code, message);
}
