namespace Platform.ServiceDefaults.Grpc.Server;

public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
