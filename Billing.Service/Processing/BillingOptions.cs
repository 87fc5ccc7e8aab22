namespace Platform.Billing.Processing;

/// <summary>How the event processor paces itself (section <c>Billing</c>).</summary>
internal sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>How often the store is checked for due events when nothing new arrived in this replica.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts for an event waiting on something (its subscription's license) before it is marked failed.</summary>
    public int MaxWaitingAttempts { get; set; } = 20;

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: doubling from the initial delay, capped.</summary>
    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(RetryInitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30)), RetryMaxDelay.TotalMilliseconds));
}
