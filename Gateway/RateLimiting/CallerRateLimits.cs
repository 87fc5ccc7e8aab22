using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// A <see cref="SlidingWindow"/> per <see cref="RatePartition"/>. Every counted answer carries <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (the unix second by which the whole limit is back if no
/// more requests come; on a 429, the second the next request is admitted); over the limit the answer is 429
/// <c>RATE_LIMITED</c> with <c>Retry-After</c> and <c>retryAfter</c>, the seconds until the oldest counted request
/// leaves the window: a client that waits that long is let through.
/// </summary>
/// <remarks>
/// Our own rather than the shared framework's <c>SlidingWindowRateLimiter</c>: that one cannot say when its oldest
/// segment frees permits (its retry-after is one segment), so its 429 could not tell a client the truth.
/// </remarks>
internal sealed class CallerRateLimits(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, SlidingWindow> windows = new(StringComparer.Ordinal);
    private readonly int seconds = Math.Max(1, (int)options.Value.Window.TotalSeconds);
    private long sweptAt;

    /// <summary>
    /// Counts the request against <paramref name="partition"/> and sets the rate headers: null when it is admitted
    /// (or the partition has no limit), else the 429 being written.
    /// </summary>
    public Task? Refuse(HttpContext context, RatePartition partition)
    {
        if (partition.Limit is not { } limit)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        if (!windows.TryGetValue(partition.Key, out var window))
        {
            window = windows.GetOrAdd(partition.Key, _ => new SlidingWindow(seconds));
            Sweep(second);
        }

        var decision = window.TryAcquire(second, limit);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetAt.ToString(CultureInfo.InvariantCulture);
        return decision.Admitted ? null : WriteRefusalAsync(context, limit, RetryAfter(now, decision.ResetAt));
    }

    private static int RetryAfter(DateTimeOffset now, long admittedAt) =>
        Math.Max(1, (int)Math.Ceiling((DateTimeOffset.FromUnixTimeSeconds(admittedAt) - now).TotalSeconds));

    private Task WriteRefusalAsync(HttpContext context, int limit, int retryAfter)
    {
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var message = $"Rate limit of {limit} requests in {seconds} s exceeded; retry in {retryAfter} s.";
        return context.Response.WriteAsJsonAsync(
            new RateLimitedError(message, ErrorCodes.RateLimited, $"/docs/errors#{ErrorCodes.RateLimited}", retryAfter), context.RequestAborted);
    }

    /// <summary>Drops the windows nobody counted in for a whole window, at most once a window, once there are many.</summary>
    private void Sweep(long second)
    {
        var last = Interlocked.Read(ref sweptAt);
        if (windows.Count <= SweepAbove || second - last < seconds || Interlocked.CompareExchange(ref sweptAt, second, last) != last)
        {
            return;
        }

        foreach (var (key, window) in windows)
        {
            if (second - window.Latest > seconds)
            {
                windows.TryRemove(new KeyValuePair<string, SlidingWindow>(key, window));
            }
        }
    }
}

/// <summary>The error format with the seconds to wait.</summary>
internal sealed record RateLimitedError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("code")] string Code,
    [property: System.Text.Json.Serialization.JsonPropertyName("help")] string Help,
    [property: System.Text.Json.Serialization.JsonPropertyName("retryAfter")] int RetryAfter);
