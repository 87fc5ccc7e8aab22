using Grpc.Core;

using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.ServiceCalls;

public static class ServiceClientExtensions
{
    /// <summary>
    /// This service's name in the credential it calls other services with (<see cref="ServiceCredential"/>), signed with
    /// the shared secret (<see cref="IdentityExtensions.SecretKey"/>, required).
    /// </summary>
    public static IHostApplicationBuilder AddServiceCredential(this IHostApplicationBuilder builder, string service)
    {
        builder.AddCallerIdentity();
        builder.Services.AddSingleton(sp => new ServiceCredentialSource(service, sp.GetRequiredService<IdentitySecret>(), TimeProvider.System));
        builder.Services.AddSingleton<ServiceCallInterceptor>();
        return builder;
    }

    /// <summary>
    /// A typed gRPC client (<c>Grpc.Net.ClientFactory</c>) of the <c>grpc</c> endpoint of <paramref name="service"/>, found by
    /// service discovery (<c>services:{service}:grpc:0</c>). Every call carries this service's credential and a deadline
    /// (see <see cref="ServiceCallInterceptor"/>). Only <paramref name="retriedMethods"/> of <paramref name="grpcService"/>
    /// (<c>package.Service</c>) are retried, by the channel's service config, when the peer is UNAVAILABLE: methods that
    /// are safe to repeat. Requires <see cref="AddServiceCredential"/>.
    /// </summary>
    public static IHttpClientBuilder AddGrpcServiceClient<TClient>(
        this IHostApplicationBuilder builder, string service, string grpcService, params string[] retriedMethods) where TClient : class
    {
        builder.Services.AddServiceDiscovery();
        return builder.Services
            .AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_grpc.{service}"))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // More than 100 calls in flight (Kestrel's stream limit) open another connection instead of queueing.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            })
            .ConfigureChannel(o => o.ServiceConfig = RetryConfig(grpcService, retriedMethods))
            .AddInterceptor<ServiceCallInterceptor>()
            .AddServiceDiscovery()
            // The factory's handlers log every request at Information: one line per call on the hot path.
            .RemoveAllLoggers();
    }

    /// <summary>A readiness check named <c>{service}-grpc</c> that calls the referenced service's <c>grpc.health.v1.Health/Check</c>.</summary>
    public static IHostApplicationBuilder AddGrpcServiceReference(this IHostApplicationBuilder builder, string service)
    {
        builder.Services.AddServiceDiscovery();
        builder.Services
            .AddGrpcClient<Grpc.Health.V1.Health.HealthClient>(service + "-health", o => o.Address = new Uri($"http://_grpc.{service}"))
            .AddServiceDiscovery()
            .RemoveAllLoggers();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"{service}-grpc",
            sp => new GrpcHealthCheck(sp.GetRequiredService<Grpc.Net.ClientFactory.GrpcClientFactory>().CreateClient<Grpc.Health.V1.Health.HealthClient>(service + "-health"), service),
            failureStatus: null,
            tags: null));
        return builder;
    }

    private static ServiceConfig RetryConfig(string grpcService, string[] retriedMethods)
    {
        var config = new ServiceConfig();
        if (retriedMethods.Length == 0)
        {
            return config;
        }

        var retried = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 4,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(2),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var method in retriedMethods)
        {
            retried.Names.Add(new MethodName { Service = grpcService, Method = method });
        }

        config.MethodConfigs.Add(retried);
        return config;
    }
}
