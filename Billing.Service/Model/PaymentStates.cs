namespace Platform.Billing.Model;

internal static class PaymentStates
{
    public const string Paid = "paid";
    public const string Failed = "failed";
}
