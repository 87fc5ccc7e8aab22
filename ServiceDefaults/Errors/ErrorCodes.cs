namespace Platform.ServiceDefaults.Errors;

/// <summary>Stable machine codes of the error format that are not tied to one feature.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string InvalidJson = "INVALID_JSON";
    public const string MissingFields = "MISSING_FIELDS";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string AuthRequired = "AUTH_REQUIRED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string Conflict = "CONFLICT";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UriTooLong = "URI_TOO_LONG";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string GatewayTimeout = "GATEWAY_TIMEOUT";
    public const string BadGateway = "BAD_GATEWAY";

    /// <summary>The code and message for a status answered without a body of its own.</summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (BadRequest, "The request is malformed."),
        StatusCodes.Status401Unauthorized => (AuthRequired, "Authentication is required."),
        StatusCodes.Status403Forbidden => (Forbidden, "The credentials do not allow this request."),
        StatusCodes.Status404NotFound => (NotFound, "The requested resource was not found."),
        StatusCodes.Status405MethodNotAllowed => (MethodNotAllowed, "The method is not allowed for this resource."),
        StatusCodes.Status406NotAcceptable => (NotAcceptable, "The requested representation is not available."),
        StatusCodes.Status409Conflict => (Conflict, "The request conflicts with the current state."),
        StatusCodes.Status413PayloadTooLarge => (PayloadTooLarge, "The request body is too large."),
        StatusCodes.Status414UriTooLong => (UriTooLong, "The request's path and query are too long."),
        StatusCodes.Status415UnsupportedMediaType => (UnsupportedMediaType, "The request body must be application/json."),
        StatusCodes.Status429TooManyRequests => (RateLimited, "Too many requests."),
        StatusCodes.Status502BadGateway => (BadGateway, "An upstream service answered badly."),
        StatusCodes.Status503ServiceUnavailable => (ServiceUnavailable, "The service is unavailable; try again shortly."),
        StatusCodes.Status504GatewayTimeout => (GatewayTimeout, "An upstream service did not answer in time."),
        >= 500 => (InternalError, "An internal error occurred."),
        _ => (BadRequest, "The request could not be processed."),
    };
}
