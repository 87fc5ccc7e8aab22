namespace LicensePlatform.Client.Management;

/// <summary>Where a webhook delivery is.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; attempted again at its next attempt.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed (or the endpoint answered 410 Gone).</summary>
    Failed,
}
