namespace Platform.Billing.Model;

/// <summary>
/// Where a stored event stands: waiting to be (re)tried, done, deliberately left alone, given up on, or waiting for
/// the vendor (a checkout of a price with no mapping yet: processed again once the price is mapped).
/// </summary>
internal static class EventStatus
{
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string NeedsAttention = "needs_attention";

    public static readonly IReadOnlyList<string> All = [Pending, Applied, Skipped, Failed, NeedsAttention];
}
