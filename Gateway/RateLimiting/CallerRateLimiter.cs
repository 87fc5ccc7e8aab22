using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// Sliding one-minute windows per <see cref="RatePartition"/> (the shared framework's <see cref="SlidingWindowRateLimiter"/>
/// behind a <see cref="PartitionedRateLimiter"/>). Every limited answer carries <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (unix seconds by which the whole limit is available again
/// if no more requests come); over the limit the answer is 429 <c>RATE_LIMITED</c> with <c>Retry-After</c>.
/// </summary>
internal sealed class CallerRateLimiter(RequestDelegate next, PartitionedRateLimiter<RatePartition> limiter, IOptions<RateLimitOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The limiter of every partition, a singleton (the container disposes it).</summary>
    public static PartitionedRateLimiter<RatePartition> CreateLimiter(RateLimitOptions options) =>
        // The partition itself is the limiter's key (a record: its name and its limit, so a changed limit starts afresh).
        PartitionedRateLimiter.Create<RatePartition, RatePartition>(partition =>
            RateLimitPartition.GetSlidingWindowLimiter(partition, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = partition.PerMinute ?? int.MaxValue,
                Window = Window,
                SegmentsPerWindow = options.SegmentsPerWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>A caller without a limit (the operators' plan, or a route nobody authenticates on) goes straight on, without an async frame.</summary>
    public Task InvokeAsync(HttpContext context) =>
        context.Features.Get<AuthenticatedCaller>() is { Partition: { PerMinute: { } perMinute } partition }
            ? LimitAsync(context, partition, perMinute)
            : next(context);

    private async Task LimitAsync(HttpContext context, RatePartition partition, int perMinute)
    {
        using var lease = limiter.AttemptAcquire(partition);
        var now = time.GetUtcNow();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = perMinute.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (limiter.GetStatistics(partition)?.CurrentAvailablePermits ?? 0).ToString(CultureInfo.InvariantCulture);
        if (lease.IsAcquired)
        {
            headers["X-RateLimit-Reset"] = Unix(now + Window);
            await next(context);
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : Window / options.Value.SegmentsPerWindow;
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        headers["X-RateLimit-Reset"] = Unix(now + TimeSpan.FromSeconds(seconds));
        headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.Response.WriteAsJsonAsync(
            new RateLimitedError($"Rate limit of {perMinute} requests a minute exceeded; retry in {seconds} s.", ErrorCodes.RateLimited, $"/docs/errors#{ErrorCodes.RateLimited}", seconds),
            context.RequestAborted);
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

/// <summary>The error format with the seconds to wait.</summary>
internal sealed record RateLimitedError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("code")] string Code,
    [property: System.Text.Json.Serialization.JsonPropertyName("help")] string Help,
    [property: System.Text.Json.Serialization.JsonPropertyName("retryAfter")] int RetryAfter);
