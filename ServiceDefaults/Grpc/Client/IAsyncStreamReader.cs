namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>Reads a stream of response messages, in Grpc.Core's shape.</summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }

    Task<bool> MoveNext(CancellationToken cancellationToken = default);
}
