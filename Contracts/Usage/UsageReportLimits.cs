namespace Platform.Contracts.Usage;

/// <summary>What one <c>Licensing.RecordUsage</c> call may carry: Licensing refuses more, so Validation sends more in several calls.</summary>
public static class UsageReportLimits
{
    public const int MaxRecords = 10_000;
}
