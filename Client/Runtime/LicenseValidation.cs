namespace LicensePlatform.Client;

/// <summary>
/// The answer to a validation. <see cref="Valid"/> says whether the app may run; a refusal carries the platform's stable
/// <see cref="Code"/> (<see cref="ErrorCodes"/>) and message.
/// </summary>
public sealed record LicenseValidation
{
    /// <summary>Whether the license allows what was asked.</summary>
    public bool Valid { get; init; }

    /// <summary>The license (on a valid answer).</summary>
    public LicenseInfo? License { get; init; }

    /// <summary>On a refusal: the stable code, e.g. <c>LICENSE_EXPIRED</c>.</summary>
    public string? Code { get; init; }

    /// <summary>On a refusal: what is wrong, for people.</summary>
    public string? Error { get; init; }

    /// <summary>When the platform (or, offline, the token) vouched for the answer.</summary>
    public DateTimeOffset? ValidatedAt { get; init; }

    /// <summary>The license is past its expiry and its plan keeps access.</summary>
    public bool Expired { get; init; }

    /// <summary>The platform answered from its own cache while its source of truth was unreachable.</summary>
    public bool ServedFromCache { get; init; }

    /// <summary>How the client got the answer: from the platform, its memory of a recent answer, or offline from a signed token.</summary>
    public ValidationSource Source { get; init; }

    /// <summary>Offline answers: until when the token allows working without the platform.</summary>
    public DateTimeOffset? OfflineUntil { get; init; }

    /// <summary>The signed offline token the platform gave with this answer (compact JWS), if asked for.</summary>
    public string? OfflineToken { get; init; }
}

/// <summary>Where an answer came from.</summary>
public enum ValidationSource
{
    /// <summary>The platform answered this call.</summary>
    Platform,

    /// <summary>A valid answer to the same question within <see cref="LicenseClientOptions.CacheDuration"/>.</summary>
    Memory,

    /// <summary>The platform could not be reached; the last answer kept on disk, checked against its signed token.</summary>
    Offline,
}
