using MassTransit;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Tests;

public sealed class EventBusTests
{
    [Fact]
    public void MassTransitReportsNoUsageTelemetry()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:eventbus"] = "amqp://guest:guest@127.0.0.1:5672/";

        builder.AddEventBus();
        using var services = builder.Services.BuildServiceProvider();

        Assert.False(services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
