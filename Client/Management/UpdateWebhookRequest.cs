namespace LicensePlatform.Client.Management;

/// <summary>Changes to a webhook endpoint: what is not set stays as it is.</summary>
public sealed record UpdateWebhookRequest
{
    /// <summary>A new URL, under the same rules as on creation.</summary>
    public Uri? Url { get; init; }

    /// <summary>The event types, replacing the endpoint's.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>A new note.</summary>
    public string? Description { get; init; }

    /// <summary>Disables it (<c>manual</c>), or enables it: that clears its disabled reason and resumes its pending deliveries.</summary>
    public bool? Enabled { get; init; }
}
