using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Configuration;

public static class ServiceReferenceExtensions
{
    /// <summary>
    /// A referenced service: its address from <c>services:{name}:http:0</c> (required), a named
    /// <see cref="HttpClient"/> pointed at it, and a readiness check that it answers.
    /// </summary>
    public static Uri AddServiceReference(this IHostApplicationBuilder builder, string service)
    {
        var address = builder.Configuration.GetRequiredServiceUri(service);
        builder.Services.AddHttpClient(service, client => client.BaseAddress = address);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            service,
            sp => new ServiceReachableHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), service, address),
            failureStatus: null,
            tags: null));
        return address;
    }
}
