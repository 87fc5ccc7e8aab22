using Platform.ServiceDefaults.Errors;

namespace Platform.Billing.Apis;

/// <summary>Billing's stable error codes, in the platform's error format.</summary>
internal static class BillingErrors
{
    public const string InvalidSignature = "INVALID_SIGNATURE";
    public const string SignatureExpired = "SIGNATURE_EXPIRED";
    public const string InvalidEvent = "INVALID_EVENT";
    public const string NotConfigured = "BILLING_NOT_CONFIGURED";
    public const string TooManySecrets = "TOO_MANY_SECRETS";

    public static IResult BadRequest(string code, string message) => ApiErrorWriter.Result(StatusCodes.Status400BadRequest, code, message);

    public static IResult Invalid(string message) => BadRequest(ErrorCodes.ValidationError, message);

    public static IResult Missing(string field) => BadRequest(ErrorCodes.MissingFields, $"Missing required fields: {field}.");

    public static IResult NotFound(string message) => ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);
}
