using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.Webhooks.Dispatch;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Apis;

/// <summary>What an endpoint's URL and events must be; answers the platform's error format with a stable code.</summary>
internal static class EndpointValidation
{
    /// <summary>The URL resolves to an address webhooks may not reach (400).</summary>
    public const string UrlNotAllowed = "URL_NOT_ALLOWED";

    public static async Task<IResult?> CheckUrlAsync(string? url, CallerIdentity caller, AddressPolicy addresses, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.MissingFields, "Missing required fields: url.");
        }

        if (url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            return Invalid("url must be an absolute http or https URL without credentials, at most 2048 characters.");
        }

        if (caller.Environment == "live" && uri.Scheme != "https")
        {
            return Invalid("url must use https for live-mode endpoints.");
        }

        return await addresses.CheckAsync(uri, caller.Environment, cancellationToken) is { } refusal
            ? ApiErrorWriter.Result(StatusCodes.Status400BadRequest, UrlNotAllowed, $"Invalid fields: {refusal}.")
            : null;
    }

    public static IResult? CheckEvents(List<string>? events)
    {
        if (events is null || events.Count == 0)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.MissingFields, "Missing required fields: events.");
        }

        return events.FirstOrDefault(e => e != EventTypes.All && !EventTypes.Known.Contains(e)) is { } unknown
            ? Invalid($"events has '{unknown}'; use '*' or any of {string.Join(", ", EventTypes.Known.Order(StringComparer.Ordinal))}.")
            : null;
    }

    public static IResult? CheckDescription(string? description) =>
        description is { Length: > 500 } ? Invalid("description is longer than 500 characters.") : null;

    private static IResult Invalid(string why) =>
        ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"Invalid fields: {why}");
}
