using System.Text;
using Npgsql;

namespace Platform.Billing.Tests;

/// <summary>
/// One test's world: a tenant with a product in a real Licensing (gRPC and REST on Kestrel, its own database),
/// and Billing (its own database) configured with a Stripe signing secret for the test environment.
/// </summary>
internal sealed class BillingScenario : IAsyncDisposable
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource licensingData;
    private GrpcTestServer? grpc;

    private BillingScenario(NpgsqlDataSource licensingData, GrpcTestServer grpc, ApiHost licensingApi, BillingHost billing, string tenantId, string productId)
    {
        this.licensingData = licensingData;
        this.grpc = grpc;
        LicensingApi = licensingApi;
        Billing = billing;
        TenantId = tenantId;
        ProductId = productId;
        Admin = billing.AdminClient(tenantId);
        Stripe = billing.AnonymousClient();
    }

    public const string Secret = "whsec_test_5f2c0c1e4b7a4d0e9a1b3c5d7e9f1a2b";

    public ApiHost LicensingApi { get; }
    public BillingHost Billing { get; }
    public string TenantId { get; }
    public string ProductId { get; }

    /// <summary>Billing's configuration API, as the tenant's admin through the Gateway.</summary>
    public HttpClient Admin { get; }

    /// <summary>The webhook endpoint's caller: no identity, only the Stripe signature.</summary>
    public HttpClient Stripe { get; }

    public string WebhookPath => $"/api/v1/billing/stripe/{TenantId}/webhook";

    public static async Task<BillingScenario> StartAsync(PostgresFixture postgres)
    {
        var licensingData = await LicensingDatabase.CreateAsync(postgres);
        var tenantId = await LicensingDatabase.CreateTenantAsync(licensingData);
        var grpc = await GrpcTestServer.StartAsync(licensingData);
        var licensingApi = await ApiHost.StartAsync(licensingData);
        using var vendor = licensingApi.ClientFor(tenantId);
        var product = await (await vendor.PostJsonAsync("/api/v1/products", new { name = "Editor Pro" })).JsonAsync();
        var billing = await BillingHost.StartAsync(await postgres.CreateDatabaseAsync(), grpc.Address);
        var scenario = new BillingScenario(licensingData, grpc, licensingApi, billing, tenantId, product.GetProperty("id").GetString()!);
        var added = await scenario.Admin.PostAsJsonAsync("/api/v1/billing/secrets", new { secret = Secret });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return scenario;
    }

    /// <summary>Posts <paramref name="payload"/> to the webhook endpoint, signed by the stripe package with <paramref name="secret"/> at <paramref name="signedAt"/>.</summary>
    public async Task<HttpResponseMessage> PostEventAsync(string payload, string secret = Secret, DateTimeOffset? signedAt = null) =>
        await PostRawAsync(payload, await StripeSigner.HeaderAsync(payload, secret, signedAt));

    public async Task<HttpResponseMessage> PostRawAsync(string payload, string? signatureHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signatureHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signatureHeader);
        }

        return await Stripe.SendAsync(request);
    }

    /// <summary>Posts the event, expects it accepted, and waits until Billing has processed it; the event as Billing lists it.</summary>
    public async Task<JsonElement> DeliverAsync(string payload)
    {
        var response = await PostEventAsync(payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ProcessedAsync(StripeEvents.EventId(payload));
    }

    /// <summary>Waits until the event is no longer pending.</summary>
    public Task<JsonElement> ProcessedAsync(string eventId) =>
        EventWhenAsync(eventId, stored => stored.GetProperty("status").GetString() != "pending", "still pending");

    /// <summary>Waits until the processor has looked at the event at least once (it has an outcome), whatever its status.</summary>
    public Task<JsonElement> TriedAsync(string eventId) =>
        EventWhenAsync(eventId, stored => stored.GetProperty("outcome").ValueKind == JsonValueKind.String, "never processed");

    private async Task<JsonElement> EventWhenAsync(string eventId, Func<JsonElement, bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + ProcessingTimeout;
        while (true)
        {
            var stored = await EventAsync(eventId);
            if (condition(stored))
            {
                return stored;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Event {eventId} {failure}: {stored}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> EventAsync(string eventId)
    {
        var response = await Admin.GetAsync($"/api/v1/billing/events/{eventId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Every license of the tenant, as Licensing's management API lists them.</summary>
    public async Task<IReadOnlyList<JsonElement>> LicensesAsync()
    {
        using var vendor = LicensingApi.ClientFor(TenantId);
        var page = await (await vendor.GetAsync("/api/v1/licenses?limit=100")).JsonAsync();
        return [.. page.GetProperty("data").EnumerateArray()];
    }

    public async Task<JsonElement> SingleLicenseAsync() => Assert.Single(await LicensesAsync());

    /// <summary>
    /// Checks out a subscription as Stripe reports it (<c>customer.subscription.created</c> with its first period, a month
    /// long, then <c>checkout.session.completed</c>) and waits for its license.
    /// </summary>
    public async Task<JsonElement> PurchaseAsync(Purchase purchase, DateTimeOffset created)
    {
        await SubscriptionCreatedAsync(purchase, created);
        var processed = await DeliverAsync(StripeEvents.CheckoutCompleted(purchase, created, new { product_id = ProductId }));
        Assert.Equal("applied", processed.GetProperty("status").GetString());
        return await SingleLicenseAsync();
    }

    /// <summary>Delivers <c>customer.subscription.created</c> (active, its period ending a month after <paramref name="created"/>, to the second); that end.</summary>
    public async Task<DateTimeOffset> SubscriptionCreatedAsync(Purchase purchase, DateTimeOffset created)
    {
        var periodEnd = DateTimeOffset.FromUnixTimeSeconds(created.AddMonths(1).ToUnixTimeSeconds());
        var processed = await DeliverAsync(StripeEvents.Subscription("customer.subscription.created", purchase, created, periodEnd));
        Assert.Equal("applied", processed.GetProperty("status").GetString());
        return periodEnd;
    }

    public async Task StopLicensingAsync()
    {
        await grpc!.DisposeAsync();
        grpc = null;
    }

    /// <summary>Starts Licensing's gRPC server again where Billing expects it.</summary>
    public async Task RestartLicensingAsync() => grpc = await GrpcTestServer.StartAsync(licensingData, Billing.LicensingAddress.Port);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Stripe.Dispose();
        await Billing.DisposeAsync();
        await LicensingApi.DisposeAsync();
        if (grpc is not null)
        {
            await grpc.DisposeAsync();
        }

        await licensingData.DisposeAsync();
    }
}
