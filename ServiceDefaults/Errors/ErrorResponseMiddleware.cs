using System.Text.Json;
using Platform.ServiceDefaults.Data;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Every error leaves a service in the platform's format: exceptions become 500 INTERNAL_ERROR
/// without internal detail, bad requests keep their status with a stable code, and statuses
/// answered without a body (unknown route, 405, 415…) get one.
/// </summary>
internal sealed class ErrorResponseMiddleware(RequestDelegate next, ILogger<ErrorResponseMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var (code, message) = Describe(ex);
            logger.LogInformation("Bad request on {Method} {Path}: {Code} ({Reason})", context.Request.Method, context.Request.Path, code, ex.Message);
            await ApiErrorWriter.WriteAsync(context, ex.StatusCode, code, message);
            return;
        }
        catch (InvalidOperationException ex) when (!context.Response.HasStarted && IsUnknownCharset(ex))
        {
            await ApiErrorWriter.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                ErrorCodes.UnsupportedMediaType, "The charset of the request body is not one the server knows; send UTF-8.");
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && StoreErrors.Unreachable(ex) is { } store)
        {
            logger.LogWarning("The database cannot be reached on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, store.Message);
            context.Response.Clear();
            await ApiErrorWriter.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                ErrorCodes.ServiceUnavailable, "The service's database cannot be reached right now; try again shortly.");
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ApiErrorWriter.WriteAsync(context, StatusCodes.Status500InternalServerError,
                ErrorCodes.InternalError, "An internal error occurred.");
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && HasNoBody(context.Response))
        {
            var (code, message) = ErrorCodes.ForStatus(context.Response.StatusCode);
            await ApiErrorWriter.WriteAsync(context, context.Response.StatusCode, code, message);
        }
    }

    private static bool HasNoBody(HttpResponse response) =>
        response.ContentType is null && response.ContentLength is null or 0;

    // ReadFromJsonAsync reports a charset it cannot decode as an InvalidOperationException, not a bad request.
    private static bool IsUnknownCharset(InvalidOperationException ex) =>
        ex.InnerException is ArgumentException && ex.Message.StartsWith("Unable to read the request as JSON", StringComparison.Ordinal);

    // Minimal APIs say "Required parameter … was not provided" or "… but no body was provided".
    private static bool IsMissingInput(string message) =>
        message.StartsWith("Required parameter", StringComparison.Ordinal) ||
        message.Contains("no body was provided", StringComparison.Ordinal);

    /// <summary>
    /// A body that does not parse (the reader's error, inside the serializer's) is INVALID_JSON; one that parses but has a
    /// value of the wrong type for its field (text for a number, an object for text, a malformed date) is VALIDATION_ERROR
    /// naming the field as it was sent.
    /// </summary>
    private static (string Code, string Message) Describe(JsonException json)
    {
        if (json.InnerException is JsonException)
        {
            var where = json.Path is { Length: > 0 } path ? $" at '{path}'" : "";
            return (ErrorCodes.InvalidJson, $"The request body is not valid JSON{where}.");
        }

        var field = json.Path is { Length: > 2 } at && at.StartsWith("$.", StringComparison.Ordinal) ? at[2..] : null;
        return field is null
            ? (ErrorCodes.ValidationError, "The request body must be a JSON object with the fields the operation documents.")
            : (ErrorCodes.ValidationError, $"The field '{field}' has a value of the wrong type; see the operation's schema in the OpenAPI document.");
    }

    private static (string Code, string Message) Describe(BadHttpRequestException ex)
    {
        if (ex.InnerException is JsonException json)
        {
            return Describe(json);
        }

        return ex.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ErrorCodes.ForStatus(ex.StatusCode),
            StatusCodes.Status415UnsupportedMediaType => ErrorCodes.ForStatus(ex.StatusCode),
            _ when IsMissingInput(ex.Message) =>
                (ErrorCodes.MissingFields, "The request body or a required parameter is missing."),
            StatusCodes.Status400BadRequest => (ErrorCodes.ValidationError, "A parameter of the request is not valid."),
            _ => ErrorCodes.ForStatus(ex.StatusCode),
        };
    }
}
