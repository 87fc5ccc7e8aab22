using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Errors;
using Platform.Validation.Model;

namespace Platform.Validation.Apis;

/// <summary>The 400s and 503 every runtime route shares.</summary>
internal static class RequestErrors
{
    public const int MaxIdLength = 256;
    public const int MaxFeatures = 64;

    public static JsonHttpResult<ApiError> MissingKey() =>
        Error(StatusCodes.Status400BadRequest, ErrorCodes.MissingFields, "Missing field: key (or license_key).");

    public static JsonHttpResult<ApiError> Missing(string field) =>
        Error(StatusCodes.Status400BadRequest, ErrorCodes.MissingFields, $"Missing field: {field}.");

    public static JsonHttpResult<ApiError> Invalid(string message) =>
        Error(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, message);

    public static JsonHttpResult<ApiError> InvalidKeyFormat() =>
        Error(StatusCodes.Status400BadRequest, ValidationCodes.InvalidKeyFormat, Refusal.InvalidKeyFormat.Message);

    public static JsonHttpResult<ApiError> BadIdentity() =>
        Error(StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "The caller's identity does not verify.");

    public static JsonHttpResult<ApiError> Unavailable() =>
        Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "Licensing cannot be reached and this license is not cached; try again shortly.");

    public static JsonHttpResult<ApiError> Error(int status, string code, string message) =>
        TypedResults.Json(ApiError.For(code, message), statusCode: status);

    /// <summary>An optional identifier: null when absent, an error when longer than <see cref="MaxIdLength"/>.</summary>
    public static bool TooLong(string? value, int max = MaxIdLength) => value is not null && value.Length > max;

    /// <summary>
    /// A required identifier (trimmed) in <paramref name="id"/>, or the refusal: missing (named as <paramref name="field"/>)
    /// or longer than <see cref="MaxIdLength"/>.
    /// </summary>
    public static JsonHttpResult<ApiError>? RequiredId(string? value, string field, out string id)
    {
        id = Blank(value) ?? "";
        return id.Length == 0 ? Missing(field)
            : TooLong(id) ? Invalid($"{field} is at most {MaxIdLength} characters.")
            : null;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
