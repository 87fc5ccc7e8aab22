using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Identity;

public static class IdentityExtensions
{
    /// <summary>The setting holding the secret shared with the Gateway (base64, at least 32 bytes).</summary>
    public const string SecretKey = "Platform:IdentitySecret";

    /// <summary>Reads the shared secret (required) so that routes can demand a verified caller.</summary>
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(new IdentitySecret(ReadSecret(builder.Configuration)));
        builder.Services.TryAddSingleton<IdentityVerifier>();
        builder.Services.TryAddSingleton<ServiceCredentialVerifier>();
        return builder;
    }

    /// <summary>
    /// Every route of the group needs a valid signed identity (401 AUTH_REQUIRED without one) holding
    /// <paramref name="scope"/> (403 FORBIDDEN otherwise). Handlers take a <see cref="CallerIdentity"/> parameter.
    /// </summary>
    public static TBuilder RequireCallerIdentity<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var identity = CallerIdentity.Resolve(context.HttpContext);
            if (identity is null)
            {
                return ApiErrorWriter.Result(StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "A valid API key is required.");
            }

            if (!identity.HasScope(scope))
            {
                return ApiErrorWriter.Result(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"This API key lacks the '{scope}' scope.");
            }

            return await next(context);
        });

    private static byte[] ReadSecret(IConfiguration configuration)
    {
        var text = configuration.GetRequiredValue(SecretKey);
        try
        {
            var secret = Convert.FromBase64String(text);
            return secret.Length >= 32 ? secret : throw new InvalidOperationException($"{SecretKey} must hold at least 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{SecretKey} must be base64.");
        }
    }
}

/// <summary>The secret the Gateway signs identities with.</summary>
public sealed record IdentitySecret(byte[] Value);
