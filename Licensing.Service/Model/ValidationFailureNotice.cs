namespace Platform.Licensing.Model;

/// <summary>
/// The refusals of one license with one error code that no <c>validation.failed</c> has reported yet, and when the last
/// one was sent (at most one a minute goes out per license and code).
/// </summary>
public sealed class ValidationFailureNotice
{
    public required string LicenseId { get; init; }
    public required string Code { get; init; }

    /// <summary>Refusals folded since the last notice.</summary>
    public int Pending { get; set; }

    /// <summary>The first and last of those refusals, as precise as Validation's reports (about a second).</summary>
    public DateTimeOffset FirstFailedAt { get; init; }
    public DateTimeOffset LastFailedAt { get; init; }

    public DateTimeOffset? LastSentAt { get; set; }
}
