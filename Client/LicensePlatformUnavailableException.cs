namespace LicensePlatform.Client;

/// <summary>
/// The platform could not be reached or kept failing (a network error, a timeout, a 5xx or a 429) after every retry, and
/// there was no offline answer to give instead.
/// </summary>
public sealed class LicensePlatformUnavailableException(string message, Exception? innerException = null, HttpStatusCode? statusCode = null, string? code = null)
    : Exception(message, innerException)
{
    /// <summary>The status of the last answer, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>The error code of the last answer, when there was one (e.g. <c>SERVICE_UNAVAILABLE</c>, <c>RATE_LIMITED</c>).</summary>
    public string? Code { get; } = code;
}
