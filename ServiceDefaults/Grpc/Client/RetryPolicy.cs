namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>
/// Retries of an idempotent unary call, as gRPC's service config describes them: up to
/// <see cref="MaxAttempts"/> attempts, the n-th retry after a random delay in
/// [0, min(InitialBackoff × BackoffMultiplier^(n-1), MaxBackoff)], and only for the given codes.
/// </summary>
public sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);
    public double BackoffMultiplier { get; init; } = 2;
    public IReadOnlySet<StatusCode> RetryableStatusCodes { get; init; } = new HashSet<StatusCode> { StatusCode.Unavailable };

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), with full jitter.</summary>
    public TimeSpan BackoffBefore(int retry)
    {
        var ceiling = Math.Min(InitialBackoff.TotalMilliseconds * Math.Pow(BackoffMultiplier, retry - 1), MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
