using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc;
using Platform.ServiceDefaults.Grpc.Client;

namespace Platform.Gateway.Auth;

/// <summary>The part of Licensing's gRPC API the Gateway uses.</summary>
internal sealed class LicensingClient(CallInvoker invoker)
{
    private static readonly Method<ResolveApiKeyRequest, ResolveApiKeyResponse> ResolveApiKeyMethod =
        Method.From<ResolveApiKeyRequest, ResolveApiKeyResponse>(LicensingReflection.Descriptor.Services[0], "ResolveApiKey");

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>The key's tenant, environment, scopes and plan; null for a key Licensing does not know or has revoked.</summary>
    /// <exception cref="LicensingUnavailableException">Licensing could not answer.</exception>
    public async Task<ResolveApiKeyResponse?> ResolveApiKeyAsync(string apiKey)
    {
        try
        {
            return await invoker.UnaryAsync(ResolveApiKeyMethod, new ResolveApiKeyRequest { ApiKey = apiKey }, CallOptions.WithTimeout(Deadline));
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
        catch (Exception ex) when (ex is RpcException or HttpRequestException or OperationCanceledException)
        {
            throw new LicensingUnavailableException(ex);
        }
    }
}

/// <summary>Licensing did not answer a key lookup; the caller gets 503, and nothing is cached.</summary>
internal sealed class LicensingUnavailableException(Exception inner) : Exception("Licensing could not resolve the API key.", inner);
