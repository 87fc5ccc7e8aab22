using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LicensePlatform.Client;

/// <summary>
/// The retries and timeouts of every call, on <c>Microsoft.Extensions.Http.Resilience</c>: exponential backoff with
/// jitter after a network error, a timeout, a 5xx, a 408 or a 429 (waiting what <c>Retry-After</c> says), never after a
/// refusal.
/// </summary>
internal static class ClientResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LicenseClientOptions options)
    {
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    /// <summary>The handler chain of a client made without dependency injection.</summary>
    public static HttpClient CreateHttpClient(LicenseClientOptions options)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(pipeline, options);
        var handler = new ResilienceHandler(pipeline.Build())
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        return new HttpClient(handler) { BaseAddress = options.RootAddress, Timeout = Timeout.InfiniteTimeSpan };
    }
}
