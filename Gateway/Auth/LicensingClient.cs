using Grpc.Core;
using Platform.Protos.Licensing.V1;
using GeneratedClient = Platform.Protos.Licensing.V1.Licensing.LicensingClient;

namespace Platform.Gateway.Auth;

/// <summary>The part of Licensing's gRPC API the Gateway uses.</summary>
internal sealed class LicensingClient(GeneratedClient client)
{
    /// <summary>A lookup changes nothing but a last-used time: safe to repeat when Licensing is UNAVAILABLE.</summary>
    public static readonly string[] RetriedMethods = ["ResolveApiKey"];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>The key's tenant, environment, scopes and plan; null for a key Licensing does not know or has revoked.</summary>
    /// <exception cref="LicensingUnavailableException">Licensing could not answer.</exception>
    public async Task<ResolveApiKeyResponse?> ResolveApiKeyAsync(string apiKey)
    {
        try
        {
            return await client.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = apiKey }, deadline: DateTime.UtcNow + Deadline);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
        catch (Exception ex) when (ex is RpcException or HttpRequestException or OperationCanceledException)
        {
            throw new LicensingUnavailableException(ex);
        }
    }
}

/// <summary>
/// Licensing did not answer a key lookup, or refused the Gateway itself (UNAUTHENTICATED or PERMISSION_DENIED: a
/// misconfigured secret, not the client's fault); the caller gets 503, and nothing is cached.
/// </summary>
internal sealed class LicensingUnavailableException(Exception inner) : Exception("Licensing could not resolve the API key.", inner);
