namespace Platform.Webhooks.Model;

/// <summary>The events an endpoint can subscribe to; <c>*</c> means all of them, including ones added later.</summary>
public static class EventTypes
{
    public const string All = "*";
    public const string Ping = "webhook.test";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "license.created", "license.updated", "license.activated", "license.deactivated", "license.expiring",
        "license.expired", "license.suspended", "license.reinstated", "license.renewed", "license.revoked",
        "license.rotated", "validation.failed",
    };
}
