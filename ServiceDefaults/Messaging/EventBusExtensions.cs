using MassTransit;
using Platform.ServiceDefaults.Configuration;

namespace Platform.ServiceDefaults.Messaging;

public static class EventBusExtensions
{
    /// <summary>The connection string name of the RabbitMQ broker (an <c>amqp://</c> URI).</summary>
    public const string ConnectionName = "eventbus";

    /// <summary>
    /// MassTransit on RabbitMQ at <c>ConnectionStrings:eventbus</c> (required). MassTransit registers its
    /// own readiness check, so <c>/health</c> fails while the broker is unreachable. Its usage telemetry (a
    /// report to usage-tracking.masstransit.io a while after the bus starts) is off: a self-hosted platform
    /// sends nothing to third parties (and without internet access every service logged the failed report).
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        var broker = AmqpAddress.Parse(builder.Configuration.GetRequiredConnectionString(ConnectionName));
        builder.Services.AddMassTransit(bus =>
        {
            configure?.Invoke(bus);
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        // Without this the first publish can race the creation of the bindings.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder;
    }
}
