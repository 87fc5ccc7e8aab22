namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>Per-call settings: request metadata, a deadline (UTC) and a cancellation token.</summary>
public readonly record struct CallOptions(Metadata? Headers = null, DateTime? Deadline = null, CancellationToken CancellationToken = default)
{
    public static CallOptions WithTimeout(TimeSpan timeout, Metadata? headers = null, CancellationToken cancellationToken = default) =>
        new(headers, DateTime.UtcNow + timeout, cancellationToken);
}
