namespace Platform.Billing.Model;

/// <summary>
/// What billing outcomes do to a tenant's licenses in one environment: a failed payment suspends (at once or
/// after a grace period) or is ignored; a cancelled subscription revokes the license or lets it expire at the
/// end of the paid period; a full refund revokes it or is ignored.
/// </summary>
internal sealed record BillingSettings(string PaymentFailedAction, int PaymentFailedGraceHours, string CancellationAction, string RefundAction)
{
    public const int MaxGraceHours = 24 * 60;

    public static BillingSettings Default { get; } = new(BillingActions.Suspend, 0, BillingActions.Expire, BillingActions.Ignore);

    public TimeSpan PaymentFailedGrace => TimeSpan.FromHours(PaymentFailedGraceHours);
}
