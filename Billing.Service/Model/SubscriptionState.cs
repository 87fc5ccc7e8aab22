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

    /// <summary>
    /// The end of the period the license was created or last renewed to; before the license exists, the latest one
    /// Stripe reported (<see cref="ReportPeriodEnd"/>), which the license is created to expire at.
    /// </summary>
    public DateTimeOffset? PeriodEnd { get; set; }

    /// <summary><c>paid</c> or <c>failed</c>: the outcome of the newest payment event applied, at <see cref="PaymentStateAt"/>.</summary>
    public string? PaymentState { get; set; }
    public DateTimeOffset? PaymentStateAt { get; set; }

    /// <summary>True when Billing suspended the license for a failed payment (only then does a payment reinstate it).</summary>
    public bool SuspendedForNonPayment { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTimeOffset? SubscriptionStateAt { get; set; }

    /// <summary>Set once the subscription's deletion was applied; nothing later changes the license.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>
    /// Notes a period end Stripe reported (the items of an active or trialing subscription's event, or a paid invoice's
    /// lines) while no license exists yet; it only moves forward (events arrive out of order). Once the license exists,
    /// <see cref="PeriodEnd"/> moves only when Licensing accepts a renewal to it.
    /// </summary>
    public void ReportPeriodEnd(DateTimeOffset end)
    {
        if (LicenseId is null && (PeriodEnd is not { } known || end > known))
        {
            PeriodEnd = end;
        }
    }

    /// <summary>
    /// Whether a payment outcome created at <paramref name="at"/> is at least as new as the one applied; on the
    /// same second a payment beats a failure (Stripe's retries succeed after they fail).
    /// </summary>
    public bool IsNewerPaymentOutcome(DateTimeOffset at, bool paid) =>
        PaymentStateAt is not { } applied || at > applied || (at == applied && (paid || PaymentState != PaymentStates.Paid));
}
