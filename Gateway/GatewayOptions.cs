namespace Platform.Gateway;

/// <summary>The <c>Gateway</c> configuration section.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The largest request body a route admits unless its YARP route sets <c>MaxRequestBodySize</c> (1 MB).</summary>
    public long MaxRequestBodySize { get; init; } = 1024 * 1024;

    /// <summary>How long a resolved API key is reused before Licensing is asked again.</summary>
    public TimeSpan ApiKeyCacheDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after Licensing last confirmed a key the Gateway goes on accepting it while Licensing cannot be reached
    /// (0: not at all). A revocation event still drops it at once.
    /// </summary>
    public TimeSpan ApiKeyOutageGrace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The versions a request may name in <c>X-API-Version</c>, oldest first; the last is the current one, applied when a
    /// request names none. A version goes when its behaviour does. Listed in appsettings.json, not here: the binder
    /// appends configured items to a list the class starts with, so a default here could never be replaced.
    /// </summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    /// <summary>The API version applied when a request names none: the newest of <see cref="ApiVersions"/>.</summary>
    public string CurrentApiVersion => ApiVersions[^1];
}
