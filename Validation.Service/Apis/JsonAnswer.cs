using System.Text.Json.Serialization.Metadata;

namespace Platform.Validation.Apis;

/// <summary>
/// An answer written by its generated serializer and nothing else. <c>TypedResults.Json</c> resolves a logger from
/// <see cref="HttpContext.RequestServices"/>, and the first use of that property makes ASP.NET Core create a DI
/// scope for the request (a feature, a scope and its dictionary: 13 % of what a validation allocated).
/// </summary>
internal sealed class JsonAnswer<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        return httpContext.Response.WriteAsJsonAsync(value, typeInfo);
    }
}
