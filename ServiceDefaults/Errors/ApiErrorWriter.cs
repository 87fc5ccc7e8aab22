using System.Text.Json;

namespace Platform.ServiceDefaults.Errors;

/// <summary>Writes an <see cref="ApiError"/> as the response.</summary>
public static class ApiErrorWriter
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, ApiError.For(code, message), cancellationToken: context.RequestAborted);
    }

    /// <summary>An <see cref="IResult"/> for handlers that answer an error themselves.</summary>
    public static IResult Result(int status, string code, string message) =>
        TypedResults.Json(ApiError.For(code, message), statusCode: status);
}
