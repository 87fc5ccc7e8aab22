using System.Collections.Concurrent;

namespace Platform.ServiceDefaults.Tests;

// The tests of this class run one after another: an OTLP test's tracer listens to every ASP.NET Core activity in the process.
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task WithoutAnExporterARequestStartsNoActivity()
    {
        await using var service = await TestService.StartAsync(mapRoutes: ActivityProbe);

        Assert.Equal("none", await service.Client.GetStringAsync("/probe"));
    }

    [Fact]
    public async Task NamingALevelForHostingDiagnosticsBringsBackItsPerRequestActivity()
    {
        await using var service = await TestService.StartAsync(
            builder => builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            ActivityProbe);

        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", await service.Client.GetStringAsync("/probe"));
    }

    [Fact]
    public async Task TracesMetricsAndLogsAreExportedOverOtlpWhenAnEndpointIsConfigured()
    {
        // A real OTLP/HTTP receiver: it records which signal paths were posted with protobuf bodies.
        var received = new ConcurrentDictionary<string, string>();
        await using var collector = await TestService.StartAsync(mapRoutes: app =>
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                if (body.Length > 0)
                {
                    received[signal] = request.ContentType ?? "";
                }

                return Results.Ok();
            }));

        var service = await TestService.StartAsync(builder =>
        {
            builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Client.BaseAddress!.ToString();
            builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            builder.Configuration["OTEL_SERVICE_NAME"] = "otlp-test";
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Information);
        });
        await service.Client.GetAsync("/alive");
        await service.Client.GetAsync("/missing");

        // Stopping the service flushes what its providers hold.
        await service.DisposeAsync();

        Assert.Equal("application/x-protobuf", received.GetValueOrDefault("traces"));
        Assert.Equal("application/x-protobuf", received.GetValueOrDefault("metrics"));
        Assert.Equal("application/x-protobuf", received.GetValueOrDefault("logs"));
    }

    private static void ActivityProbe(WebApplication app) =>
        app.MapGet("/probe", () => System.Diagnostics.Activity.Current?.OperationName ?? "none");
}
