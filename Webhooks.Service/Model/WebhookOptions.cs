namespace Platform.Webhooks.Model;

/// <summary>The <c>Webhooks</c> configuration section. The defaults are the production behaviour.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The durable queue every replica consumes license events from (competing consumers).</summary>
    public string QueueName { get; set; } = "webhooks-license-events";

    /// <summary>How long a received event id is remembered to drop copies of it.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Endpoints may resolve to loopback addresses (the AppHost allows it for local development).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Endpoints may resolve to private, link-local and other non-public addresses.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; each further failure doubles it (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a delivery is marked failed: 15 attempts at a 10 s base span about two days.</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>An endpoint whose every attempt has failed for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often an idle worker looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Deliveries one worker claims and sends concurrently.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>The most of a response body read from an endpoint; the first 1 KiB of it is stored.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024;
}
