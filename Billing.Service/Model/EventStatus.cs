namespace Platform.Billing.Model;

/// <summary>Where a stored event stands: waiting to be (re)tried, done, deliberately left alone, or given up on.</summary>
internal static class EventStatus
{
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Applied, Skipped, Failed];
}
