namespace LicensePlatform.Client;

/// <summary>Where the platform is, how to call it, and how the client caches. Bound from <c>LicenseClient</c> in configuration by <c>AddLicenseClient</c>.</summary>
public sealed class LicenseClientOptions
{
    /// <summary>The platform's public address (the Gateway), e.g. <c>https://licenses.example.com</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// An API key (<c>to_live_…</c> or <c>to_test_…</c>). Optional for validation, activation and seats (the license key is
    /// the credential; a key with the <c>validate</c> scope lifts the per-address rate limit); required for management.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The product whose licenses this app validates: checked on every validation and mixed into the machine fingerprint.</summary>
    public string? ProductId { get; set; }

    /// <summary>How long a valid answer is reused for the same question without a call (0 turns the memory off). Default 60 s.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Ask for a signed offline token with every validation, keep the last good answer and the platform's key set on disk, and
    /// answer from them while the platform cannot be reached, within the license's offline grace. Default on.
    /// </summary>
    public bool OfflineValidation { get; set; } = true;

    /// <summary>Where the offline answers and key set are kept. Default: the user's local application data, <c>LicensePlatform/</c>.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>How many times a call is retried after a network error, a 5xx or a 429 (never after a refusal). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles with each one, with jitter, or follows <c>Retry-After</c>. Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one attempt may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The API version the client speaks (<c>X-API-Version</c>); the answers' shapes are those of this version.</summary>
    public string ApiVersion { get; set; } = "2026-01-01";

    /// <summary>The base address with a trailing slash, so that relative paths stay under it.</summary>
    internal Uri RootAddress => BaseAddress!.AbsoluteUri.EndsWith('/') ? BaseAddress : new Uri(BaseAddress.AbsoluteUri + "/");

    internal string ResolvedCacheDirectory => CacheDirectory ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "LicensePlatform");

    internal void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("LicenseClientOptions.BaseAddress must be the platform's absolute address (LicenseClient:BaseAddress).");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException("LicenseClientOptions.MaxRetries must be between 0 and 10.");
        }
    }
}
