using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Apis;

/// <summary>
/// Who may call the management API: the admin scope everywhere; the <c>portal</c> scope (a customer's session
/// from the Gateway) only on the routes marked <see cref="AllowPortal{TBuilder}"/>, and there only for the
/// customer's own licenses (see <see cref="ApiScope"/>).
/// </summary>
internal static class PortalAccess
{
    public const string PortalScope = "portal";

    public static TBuilder AllowPortal<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PortalReadable());

    public static TBuilder RequireAdminOrPortal<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = CallerIdentity.Resolve(context.HttpContext);
            if (caller is null)
            {
                return ApiErrorWriter.Result(StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "A valid API key is required.");
            }

            var portalAllowed = caller.HasScope(PortalScope) && !string.IsNullOrWhiteSpace(caller.Customer)
                && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<PortalReadable>() is not null;
            return caller.HasScope(ApiKey.AdminScope) || portalAllowed
                ? await next(context)
                : ApiErrorWriter.Result(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"This API key lacks the '{ApiKey.AdminScope}' scope.");
        });

    private sealed class PortalReadable;
}
