namespace LicensePlatform.Client;

/// <summary>
/// The platform refused the call: a 4xx answer in the platform's error format, with its stable <see cref="Code"/>
/// (<see cref="ErrorCodes"/>). Never retried: sending the same call again gets the same answer.
/// </summary>
public class LicenseApiException(HttpStatusCode statusCode, string code, string message, string? help) : Exception(message)
{
    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The stable machine code, e.g. <c>ACTIVATION_LIMIT_REACHED</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The documentation path of the code, e.g. <c>/docs/errors#ACTIVATION_LIMIT_REACHED</c>.</summary>
    public string? Help { get; } = help;
}
