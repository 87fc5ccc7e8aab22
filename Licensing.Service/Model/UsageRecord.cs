namespace Platform.Licensing.Model;

/// <summary>Validations of a license as Validation reported them: when, with what result, for which domain and machine.</summary>
public sealed class UsageRecord
{
    public long Id { get; init; }
    public required string LicenseId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Result { get; init; }
    public string? Domain { get; init; }
    public string? Fingerprint { get; init; }
    public int Count { get; init; } = 1;
}
