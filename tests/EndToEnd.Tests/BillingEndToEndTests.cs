using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Billing.Tests;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Stripe events signed by the real stripe package, posted to the Gateway's public Stripe route, change what
/// Validation answers through the Gateway: the whole path, as the AppHost wires it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingEndToEndTests(PlatformFixture platform)
{
    private const string Secret = "whsec_e2e_8d1f3a5c7e9b2d4f6a8c0e1f3a5c7e9b";

    [Fact]
    public async Task ACheckoutBecomesALicenseAFailedPaymentSuspendsItAndAPaidInvoiceRenewsIt()
    {
        var credentials = platform.Credentials();
        var tenantId = credentials.GetProperty("tenantId").GetString();
        using var api = platform.Gateway();
        var secret = await api.PostAsJsonAsync("/api/v1/billing/secrets", new { secret = Secret });
        Assert.True(secret.IsSuccessStatusCode, await secret.Content.ReadAsStringAsync());
        var productId = await api.CreateProductAsync("E2E billing");
        var purchase = Purchase.New() with { Email = $"buyer-{Guid.NewGuid():N}@example.com" };
        var now = DateTimeOffset.UtcNow;
        var firstPeriodEnd = DateTimeOffset.FromUnixTimeSeconds(now.AddMonths(1).ToUnixTimeSeconds());

        // Stripe sends the subscription with its checkout: the license lives until the period it paid for ends.
        await PostStripeAsync(api, tenantId, StripeEvents.Subscription("customer.subscription.created", purchase, now, firstPeriodEnd));
        for (var i = 0; i < 2; i++)
        {
            await PostStripeAsync(api, tenantId, StripeEvents.CheckoutCompleted(purchase, now, new { product_id = productId }));
        }

        var license = await EventuallyAsync(async () =>
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/licenses?customer_email={purchase.Email}");
            return page.GetProperty("data").GetArrayLength() == 1 ? page.GetProperty("data")[0] : (JsonElement?)null;
        }, "the checkout never became a license");
        var key = license.GetProperty("key").GetString();
        Assert.Equal(("subscription", firstPeriodEnd), (license.GetProperty("type").GetString(), license.GetProperty("expiresAt").GetDateTimeOffset()));
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/licenses?customer_email={purchase.Email}")).GetProperty("pagination").GetProperty("total").GetInt64());

        await PostStripeAsync(api, tenantId, StripeEvents.Invoice("invoice.payment_failed", purchase, now.AddSeconds(10), now.AddMonths(1)));
        await EventuallyAsync(async () => await ValidationCodeAsync(api, key) == "LICENSE_SUSPENDED" ? true : (bool?)null, "validation never answered LICENSE_SUSPENDED");

        var periodEnd = DateTimeOffset.FromUnixTimeSeconds(now.AddMonths(2).ToUnixTimeSeconds());
        await PostStripeAsync(api, tenantId, StripeEvents.Invoice("invoice.paid", purchase, now.AddSeconds(20), periodEnd));
        var valid = await EventuallyAsync(async () =>
        {
            using var response = await api.PostAsJsonAsync("/api/v1/validate", new { key });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            // Billing reinstates, then renews (two commands): between them the license is valid with no new expiry yet.
            return body.TryGetProperty("valid", out var v) && v.GetBoolean()
                && body.GetProperty("license").GetProperty("expiresAt").ValueKind == JsonValueKind.String ? body : (JsonElement?)null;
        }, "the license never validated again with an expiry after the paid invoice");
        Assert.Equal(periodEnd, valid.GetProperty("license").GetProperty("expiresAt").GetDateTimeOffset());
    }

    private static async Task PostStripeAsync(HttpClient api, string? tenantId, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/billing/stripe/{tenantId}/webhook")
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        // Stripe sends no API key: the public route must not need one.
        request.Headers.Authorization = null;
        request.Headers.TryAddWithoutValidation("Stripe-Signature", await StripeSigner.HeaderAsync(payload, Secret));
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        using var response = await anonymous.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string?> ValidationCodeAsync(HttpClient api, string? key)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/validate", new { key });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string failure) where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }
}
