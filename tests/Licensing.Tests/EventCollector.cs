using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Licensing.Tests;

/// <summary>A bus of the test's own that receives the license events published on the broker, in order, one at a time.</summary>
internal sealed class EventCollector : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly IBusControl control;
    private readonly bool started;

    private EventCollector(ServiceProvider provider, IBusControl control, bool started)
    {
        this.provider = provider;
        this.control = control;
        this.started = started;
    }

    public IServiceProvider Services => provider;

    private ConcurrentQueue<LicenseEvent> Received => provider.GetRequiredService<ConcurrentQueue<LicenseEvent>>();

    /// <param name="durable">Keep the queue across broker restarts (else it goes with the connection).</param>
    /// <param name="start">False: a bus to publish through that is never started (for an unreachable broker).</param>
    public static async Task<EventCollector> StartAsync(string amqp, bool durable = false, bool start = true)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ConcurrentQueue<LicenseEvent>());
        var address = AmqpAddress.Parse(amqp);
        var queue = "license-events-test-" + Guid.NewGuid().ToString("N")[..8];
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<Consumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(address.Host, address.Port, address.VirtualHost, h => { h.Username(address.Username); h.Password(address.Password); });
                rabbit.ReceiveEndpoint(queue, e =>
                {
                    e.AutoDelete = !durable;
                    e.Durable = durable;
                    // One at a time, so the order received is the order published.
                    e.PrefetchCount = 1;
                    e.ConcurrentMessageLimit = 1;
                    e.ConfigureConsumer<Consumer>(context);
                });
            });
        });
        var provider = services.BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        if (start)
        {
            await control.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }

        return new EventCollector(provider, control, start);
    }

    /// <summary>Waits until <paramref name="count"/> events arrived (or the time is up), then a moment more so extras show too.</summary>
    public async Task<List<LicenseEvent>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(300);
        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await control.StopAsync();
        }

        await provider.DisposeAsync();
    }

    private sealed class Consumer(ConcurrentQueue<LicenseEvent> received) : IConsumer<LicenseEvent>
    {
        public Task Consume(ConsumeContext<LicenseEvent> context)
        {
            Assert.Equal(context.Message.EventId, context.MessageId);
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
