using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>Declares what a route answers, so its OpenAPI operation shows the success schema and the platform's error responses.</summary>
public static class ResponseMetadata
{
    /// <summary>Each of <paramref name="statusCodes"/> answers <c>{"error","code","help"}</c>.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiError), ["application/json"]));
        }

        return builder;
    }

    /// <summary>The route answers <typeparamref name="T"/> as JSON with <paramref name="statusCode"/>.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(T), ["application/json"]));
}
