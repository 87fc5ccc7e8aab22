using Microsoft.Extensions.Options;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Exponential backoff with jitter: after failed attempt n the next waits base × 2^(n-1), ±20 %, so that
/// endpoints recovering from an outage are not hit by every retry at the same instant.
/// </summary>
public sealed class RetrySchedule(IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public TimeSpan DelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var nominal = options.Value.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        // Jitter needs no unpredictability, only spread.
#pragma warning disable CA5394
        var jittered = nominal * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(jittered, Longest.TotalMilliseconds));
    }
}
