namespace LicensePlatform.Client.Management;

/// <summary>
/// The platform's admin API: products, plans, licenses (with batch creation, import and export), machines, webhooks,
/// API keys and the tenant, each a property. Needs <see cref="LicenseClientOptions.ApiKey"/> with the <c>admin</c> scope.
/// Every call is retried with backoff like <see cref="LicenseClient"/>'s; each call that creates, renews or rotates sends an
/// <c>Idempotency-Key</c> (the caller's, or one made for the call), so a retry after a lost answer does not act twice
/// (webhook endpoints excepted: see <see cref="WebhooksClient"/>). A
/// refusal is a <see cref="LicenseApiException"/> with the platform's stable code, and a platform that cannot be reached a
/// <see cref="LicensePlatformUnavailableException"/>.
/// Thread-safe; make one and share it (<c>AddLicenseClient</c> registers it as a singleton).
/// </summary>
public sealed class LicenseManagementClient : IDisposable
{
    private readonly HttpClient? owned;

    /// <summary>A client with its own HTTP connection pool and retries, for apps without dependency injection.</summary>
    /// <exception cref="ArgumentException">The options have no base address or no API key.</exception>
    public LicenseManagementClient(LicenseClientOptions options)
        : this(options, CreateHttpClient(options))
    {
    }

    internal LicenseManagementClient(LicenseClientOptions options, Func<HttpClient> httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        Check(options);
        Options = options;
        var http = new PlatformHttp(httpClient, options);
        Products = new ProductsClient(http);
        Plans = new PlansClient(http);
        Licenses = new LicensesClient(http);
        Machines = new MachinesClient(http);
        Webhooks = new WebhooksClient(http);
        ApiKeys = new ApiKeysClient(http);
        Tenant = new TenantClient(http);
    }

    private LicenseManagementClient(LicenseClientOptions options, HttpClient owned)
        : this(options, () => owned) =>
        this.owned = owned;

    /// <summary>The options the client was made with.</summary>
    public LicenseClientOptions Options { get; }

    /// <summary>Products: what licenses are for.</summary>
    public ProductsClient Products { get; }

    /// <summary>Plans (policies): the terms licenses issued under them get.</summary>
    public PlansClient Plans { get; }

    /// <summary>Licenses: issue, list, change, suspend, revoke, renew, rotate keys, usage, import and export.</summary>
    public LicensesClient Licenses { get; }

    /// <summary>Machines activated on licenses.</summary>
    public MachinesClient Machines { get; }

    /// <summary>Webhook endpoints and their deliveries.</summary>
    public WebhooksClient Webhooks { get; }

    /// <summary>The tenant's API keys in the key's environment.</summary>
    public ApiKeysClient ApiKeys { get; }

    /// <summary>The tenant itself: its name and the prefix of new license keys.</summary>
    public TenantClient Tenant { get; }

    /// <inheritdoc />
    public void Dispose() => owned?.Dispose();

    private static HttpClient CreateHttpClient(LicenseClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        return ClientResilience.CreateHttpClient(options);
    }

    private static void Check(LicenseClientOptions options)
    {
        options.Validate();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("LicenseClientOptions.ApiKey must be an API key with the admin scope to use the management client (LicenseClient:ApiKey).");
        }
    }
}
