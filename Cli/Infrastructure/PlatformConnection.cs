using LicensePlatform.Client;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>
/// Where the platform is and which API key calls it, each from its option or else its environment variable, remembering
/// which, so that a refusal can say what to fix.
/// </summary>
public sealed class PlatformConnection
{
    public const string UrlVariable = "LICENSE_API_URL";
    public const string ApiKeyVariable = "LICENSE_API_KEY";

    private const string ApiKeyOption = "--api-key";

    private PlatformConnection(Uri url, string urlSource, string? apiKey, string apiKeySource, int retries)
    {
        Url = url;
        UrlSource = urlSource;
        ApiKey = apiKey;
        ApiKeySource = apiKeySource;
        Retries = retries;
    }

    /// <summary>The platform's Gateway.</summary>
    public Uri Url { get; }

    /// <summary>Where <see cref="Url"/> came from: its option or <c>LICENSE_API_URL</c>.</summary>
    public string UrlSource { get; }

    /// <summary>The API key, if one was given.</summary>
    public string? ApiKey { get; }

    /// <summary>Where <see cref="ApiKey"/> came from: <c>--api-key</c> or <c>LICENSE_API_KEY</c>.</summary>
    public string ApiKeySource { get; }

    /// <summary>How many times the SDK retries a call that failed on the way.</summary>
    public int Retries { get; }

    /// <summary>The API key masked for messages (<c>to_test_ab…yz</c>), or a note that none was given.</summary>
    public string MaskedApiKey => ApiKey is null ? "(none)" : Mask(ApiKey);

    /// <summary>The connection the settings and the environment describe.</summary>
    /// <param name="settings">The command line.</param>
    /// <param name="apiKeyRequired">True for the admin API: a missing key is a usage error.</param>
    /// <exception cref="UsageException">No URL, a URL that is not absolute http(s), or a missing required key.</exception>
    public static PlatformConnection Resolve(ConnectionSettings settings, bool apiKeyRequired)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (urlText, urlSource) = settings.PlatformUrl is { Length: > 0 } given
            ? (given, settings.PlatformUrlOption)
            : (Environment.GetEnvironmentVariable(UrlVariable), UrlVariable);
        if (string.IsNullOrWhiteSpace(urlText))
        {
            throw new UsageException(
                $"No platform URL: pass {settings.PlatformUrlOption} <URL> or set the {UrlVariable} environment variable (e.g. https://licenses.example.com).");
        }

        if (!Uri.TryCreate(urlText.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"The platform URL '{urlText}' (from {urlSource}) is not an absolute http:// or https:// URL.");
        }

        var (apiKey, apiKeySource) = settings.ApiKey is { Length: > 0 } option
            ? (option, ApiKeyOption)
            : (Environment.GetEnvironmentVariable(ApiKeyVariable), ApiKeyVariable);
        apiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
        if (apiKeyRequired && apiKey is null)
        {
            throw new UsageException(
                $"No API key: pass {ApiKeyOption} <KEY> or set the {ApiKeyVariable} environment variable to an API key with the admin scope (to_test_… or to_live_…).");
        }

        return new PlatformConnection(url, urlSource, apiKey, apiKeySource, settings.Retries ?? 3);
    }

    /// <summary>
    /// The SDK's options for a command line: no answers kept in memory or on disk, so every answer is the platform's own
    /// (a pipeline must not pass on an offline answer).
    /// </summary>
    public LicenseClientOptions ClientOptions(string? productId = null) => new()
    {
        BaseAddress = Url,
        ApiKey = ApiKey,
        ProductId = productId,
        CacheDuration = TimeSpan.Zero,
        OfflineValidation = false,
        MaxRetries = Retries,
    };

    public LicenseClient RuntimeClient(string? productId = null) => new(ClientOptions(productId));

    public LicenseManagementClient ManagementClient() => new(ClientOptions());

    /// <summary>
    /// A secret shown as its kind and its first and last two characters (<c>to_test_ab…yz</c>); a short one as its kind only.
    /// </summary>
    public static string Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefixLength = secret.StartsWith("to_test_", StringComparison.Ordinal) || secret.StartsWith("to_live_", StringComparison.Ordinal) ? 8 : 0;
        var rest = secret.Length - prefixLength;
        return rest >= 12
            ? $"{secret[..(prefixLength + 2)]}…{secret[^2..]}"
            : $"{secret[..prefixLength]}… ({secret.Length} characters)";
    }
}
