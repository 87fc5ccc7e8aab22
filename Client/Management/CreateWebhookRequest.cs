namespace LicensePlatform.Client.Management;

/// <summary>
/// A webhook endpoint to create. Its URL must be absolute <c>http</c> or <c>https</c> without credentials (<c>https</c> for
/// live-mode keys) and must not resolve to a loopback, private or reserved address (400 <c>URL_NOT_ALLOWED</c>).
/// </summary>
public sealed record CreateWebhookRequest
{
    /// <summary>Where events are sent. Required.</summary>
    public required Uri Url { get; init; }

    /// <summary>The event types it receives (e.g. <c>license.created</c>), or <c>*</c> for all. Required, not empty.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The vendor's note, up to 500 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Whether events are sent to it (default true).</summary>
    public bool? Enabled { get; init; }
}
