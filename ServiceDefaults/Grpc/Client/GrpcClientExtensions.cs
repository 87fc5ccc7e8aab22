using Platform.ServiceDefaults.Configuration;

namespace Platform.ServiceDefaults.Grpc.Client;

public static class GrpcClientExtensions
{
    /// <summary>
    /// A typed client (a class taking a <see cref="CallInvoker"/>) for the gRPC endpoint of
    /// <paramref name="service"/>, read from <c>services:{service}:grpc:0</c> (required). All typed clients
    /// of one service share one channel, and so one connection pool.
    /// </summary>
    public static IHostApplicationBuilder AddGrpcClient<TClient>(this IHostApplicationBuilder builder, string service, Action<GrpcChannelOptions>? configure = null)
        where TClient : class
    {
        var address = builder.Configuration.GetRequiredServiceUri(service, "grpc");
        builder.Services.AddKeyedSingleton(service, (_, _) =>
        {
            var options = new GrpcChannelOptions();
            configure?.Invoke(options);
            return GrpcChannel.ForAddress(address, options);
        });
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TClient>(sp, sp.GetRequiredKeyedService<GrpcChannel>(service).CreateCallInvoker()));
        return builder;
    }
}
