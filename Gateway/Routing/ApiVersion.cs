using System.Globalization;

namespace Platform.Gateway.Routing;

/// <summary><c>X-API-Version: YYYY-MM-DD</c> pins the behaviour a client was written against.</summary>
internal static class ApiVersion
{
    public const string Header = "X-API-Version";

    /// <summary>The version the request names, or null when it names none.</summary>
    public static string? Of(HttpContext context) =>
        context.Request.Headers[Header] is { Count: 1 } values ? values.ToString() : null;

    /// <summary>False for a header that is present but not a date.</summary>
    public static bool IsWellFormed(HttpContext context) =>
        context.Request.Headers[Header] is { Count: 0 } ||
        (Of(context) is { } value && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
