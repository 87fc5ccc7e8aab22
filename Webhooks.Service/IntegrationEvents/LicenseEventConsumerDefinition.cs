using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.IntegrationEvents;

/// <summary>
/// One durable queue shared by every replica (competing consumers). A failing consume is retried, then
/// moved to the queue's <c>_error</c> queue rather than acknowledged.
/// </summary>
public sealed class LicenseEventConsumerDefinition : ConsumerDefinition<LicenseEventConsumer>
{
    public LicenseEventConsumerDefinition(IOptions<WebhookOptions> options)
    {
        EndpointName = options.Value.QueueName;
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<LicenseEventConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000, 10000));
}
