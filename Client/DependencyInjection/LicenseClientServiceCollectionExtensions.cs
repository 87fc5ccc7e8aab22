using LicensePlatform.Client.Management;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LicensePlatform.Client;

/// <summary>Registers the license client with dependency injection.</summary>
public static class LicenseClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the clients use, for adding handlers to it.</summary>
    public const string HttpClientName = "LicensePlatform";

    /// <summary>
    /// Adds <see cref="LicenseClient"/> and <see cref="LicenseManagementClient"/> (singletons) with their options bound from
    /// <paramref name="configuration"/> (e.g. the <c>LicenseClient</c> section: <c>BaseAddress</c>, <c>ApiKey</c>, <c>ProductId</c>, …).
    /// </summary>
    public static IHttpClientBuilder AddLicenseClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LicenseClientOptions>().Bind(configuration);
        return services.AddLicenseClient(_ => { });
    }

    /// <summary>
    /// Adds <see cref="LicenseClient"/> and <see cref="LicenseManagementClient"/> (singletons), configured by
    /// <paramref name="configure"/>. The management client needs <see cref="LicenseClientOptions.ApiKey"/> with the admin
    /// scope, checked when it is first resolved.
    /// </summary>
    public static IHttpClientBuilder AddLicenseClient(this IServiceCollection services, Action<LicenseClientOptions> configure)
    {
        services.AddOptions<LicenseClientOptions>().Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "LicenseClient:BaseAddress must be the platform's absolute address.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new LicenseClient(provider.GetRequiredService<IOptions<LicenseClientOptions>>().Value, () => factory.CreateClient(HttpClientName),
                provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new LicenseManagementClient(provider.GetRequiredService<IOptions<LicenseClientOptions>>().Value, () => factory.CreateClient(HttpClientName));
        });
        var http = services.AddHttpClient(HttpClientName, (provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<LicenseClientOptions>>().Value.RootAddress;
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        http.AddResilienceHandler("license-platform", (pipeline, context) =>
            ClientResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<LicenseClientOptions>>().Value));
        return http;
    }

    /// <summary>
    /// Keeps a floating seat while the host runs (<see cref="LicenseSeatService"/>), with its options bound from
    /// <paramref name="configuration"/> (<c>Key</c>, <c>ClientId</c>). Needs <c>AddLicenseClient</c>.
    /// </summary>
    public static IServiceCollection AddLicenseSeat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LicenseSeatOptions>().Bind(configuration);
        services.TryAddSingleton<LicenseSeatService>();
        services.AddHostedService(provider => provider.GetRequiredService<LicenseSeatService>());
        return services;
    }
}
