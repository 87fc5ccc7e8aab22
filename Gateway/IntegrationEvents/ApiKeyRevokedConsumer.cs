using MassTransit;
using Platform.Contracts.Events;
using Platform.Gateway.Auth;

namespace Platform.Gateway.IntegrationEvents;

/// <summary>Drops a revoked key from this replica's cache. Every replica has its own auto-delete queue, so each one hears it.</summary>
internal sealed class ApiKeyRevokedConsumer(ApiKeyCache keys, ILogger<ApiKeyRevokedConsumer> logger) : IConsumer<ApiKeyRevoked>
{
    public Task Consume(ConsumeContext<ApiKeyRevoked> context)
    {
        keys.Revoke(context.Message.KeyId);
        logger.LogInformation("API key {KeyId} of tenant {TenantId} revoked; dropped from the cache", context.Message.KeyId, context.Message.TenantId);
        return Task.CompletedTask;
    }
}
