using System.Text.Json.Nodes;
using Platform.Gateway.Routing;

namespace Platform.Gateway.OpenApi;

/// <summary>The parts of the public document the Gateway itself contributes.</summary>
internal static class OpenApiSkeleton
{
    public const string ErrorSchema = "PlatformError";
    public const string RateLimitedSchema = "PlatformRateLimitedError";

    public static JsonObject Create(string apiVersion) => new()
    {
        ["openapi"] = "3.1.1",
        ["info"] = new JsonObject
        {
            ["title"] = "License platform API",
            ["version"] = apiVersion,
            ["description"] = "Authenticate with Authorization: Bearer to_live_… or to_test_… (test keys see only test data). " +
                "Every answer carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset; errors are {\"error\",\"code\",\"help\"}.",
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
        ["paths"] = new JsonObject(),
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                [ErrorSchema] = ErrorObject(),
                [RateLimitedSchema] = RateLimitedObject(),
            },
            ["securitySchemes"] = new JsonObject
            {
                ["apiKey"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "An API key (to_live_… / to_test_…) or a portal session JWT." },
            },
        },
    };

    /// <summary>The operation with the route's security and the answers the Gateway may give instead of the service.</summary>
    public static JsonObject WithGatewayAnswers(JsonObject operation, RouteAccess route)
    {
        operation["security"] = route.Policy switch
        {
            RouteAccess.Anonymous => new JsonArray(),
            RouteAccess.Public => new JsonArray(new JsonObject(), new JsonObject { ["apiKey"] = new JsonArray() }),
            _ => new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() }),
        };
        var responses = operation["responses"] as JsonObject ?? new JsonObject();
        operation["responses"] = responses;
        Add(responses, "400", "VALIDATION_ERROR: X-API-Version is not a supported version", ErrorSchema);
        if (route.Policy != RouteAccess.Anonymous)
        {
            // Public routes take an optional credential, and refuse a bad one as the others do.
            Add(responses, "401", "AUTH_REQUIRED or INVALID_API_KEY", ErrorSchema);
            Add(responses, "403", "INVALID_TOKEN, or FORBIDDEN: the credential lacks the scope", ErrorSchema);
            Add(responses, "429", "RATE_LIMITED: retry after the seconds in Retry-After", RateLimitedSchema);
        }

        Add(responses, "413", "PAYLOAD_TOO_LARGE", ErrorSchema);
        Add(responses, "502", "BAD_GATEWAY", ErrorSchema);
        Add(responses, "503", "SERVICE_UNAVAILABLE", ErrorSchema);
        Add(responses, "504", "GATEWAY_TIMEOUT", ErrorSchema);
        if (route.Deprecation is not null)
        {
            operation["deprecated"] = true;
        }

        return operation;
    }

    private static void Add(JsonObject responses, string status, string description, string schema)
    {
        if (!responses.ContainsKey(status))
        {
            responses[status] = new JsonObject
            {
                ["description"] = description,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schema}" } },
                },
            };
        }
    }

    private static JsonObject ErrorObject() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("error", "code", "help"),
        ["properties"] = new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "string" },
            ["code"] = new JsonObject { ["type"] = "string" },
            ["help"] = new JsonObject { ["type"] = "string" },
        },
    };

    private static JsonObject RateLimitedObject()
    {
        var error = ErrorObject();
        error["required"]!.AsArray().Add("retryAfter");
        error["properties"]!["retryAfter"] = new JsonObject { ["type"] = "integer", ["description"] = "Seconds to wait." };
        return error;
    }
}
