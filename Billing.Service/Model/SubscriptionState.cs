namespace Platform.Billing.Model;

/// <summary>
/// A Stripe subscription, its license, and the newest billing state applied to it. The timestamps are the
/// Stripe events' own <c>created</c> times: an event older than what was applied cannot undo it.
/// </summary>
internal sealed class SubscriptionState
{
    public required string TenantId { get; init; }
    public required string Environment { get; init; }
    public required string SubscriptionId { get; init; }
    public string? CustomerId { get; set; }
    public string? LicenseId { get; set; }
    public string? PriceId { get; set; }

    /// <summary>The end of the latest paid period the license was created or renewed to.</summary>
    public DateTimeOffset? PeriodEnd { get; set; }

    /// <summary>
    /// The end of the subscription's current period as Stripe last reported it (the items of an active or trialing
    /// subscription's event, or a paid invoice's lines), known before the license exists: a new license expires then.
    /// </summary>
    public DateTimeOffset? CurrentPeriodEnd { get; set; }

    /// <summary><c>paid</c> or <c>failed</c>: the outcome of the newest payment event applied, at <see cref="PaymentStateAt"/>.</summary>
    public string? PaymentState { get; set; }
    public DateTimeOffset? PaymentStateAt { get; set; }

    /// <summary>True when Billing suspended the license for a failed payment (only then does a payment reinstate it).</summary>
    public bool SuspendedForNonPayment { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTimeOffset? SubscriptionStateAt { get; set; }

    /// <summary>Set once the subscription's deletion was applied; nothing later changes the license.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Notes a period end Stripe reported; it only moves forward (events arrive out of order).</summary>
    public void ReportPeriodEnd(DateTimeOffset end)
    {
        if (CurrentPeriodEnd is not { } known || end > known)
        {
            CurrentPeriodEnd = end;
        }
    }

    /// <summary>
    /// Whether a payment outcome created at <paramref name="at"/> is at least as new as the one applied; on the
    /// same second a payment beats a failure (Stripe's retries succeed after they fail).
    /// </summary>
    public bool IsNewerPaymentOutcome(DateTimeOffset at, bool paid) =>
        PaymentStateAt is not { } applied || at > applied || (at == applied && (paid || PaymentState != PaymentStates.Paid));
}
