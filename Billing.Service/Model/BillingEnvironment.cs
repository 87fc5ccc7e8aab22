namespace Platform.Billing.Model;

/// <summary>The tenant's environments; a Stripe event's <c>livemode</c> picks one.</summary>
internal static class BillingEnvironment
{
    public const string Live = "live";
    public const string Test = "test";

    public static string Of(bool liveMode) => liveMode ? Live : Test;
}
