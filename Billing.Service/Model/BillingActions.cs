namespace Platform.Billing.Model;

/// <summary>The values of the settings' actions, as the API and the database spell them.</summary>
internal static class BillingActions
{
    public const string Suspend = "suspend";
    public const string Ignore = "ignore";
    public const string Expire = "expire";
    public const string Revoke = "revoke";

    public static readonly IReadOnlyList<string> PaymentFailed = [Suspend, Ignore];
    public static readonly IReadOnlyList<string> Cancellation = [Expire, Revoke];
    public static readonly IReadOnlyList<string> Refund = [Revoke, Ignore];
}
