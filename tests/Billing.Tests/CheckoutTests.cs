using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Platform.Billing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class CheckoutTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CheckoutCreatesExactlyOneLicenseEvenWhenPostedThreeTimes()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var meters = scenario.Billing.Services.GetRequiredService<IMeterFactory>();
        using var received = new MetricCollector<long>(meters, "Platform.Billing", "billing.stripe.received");
        using var processedEvents = new MetricCollector<long>(meters, "Platform.Billing", "billing.stripe.processed");
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.SubscriptionCreatedAsync(purchase, now);
        var payload = StripeEvents.CheckoutCompleted(purchase, now, new { product_id = scenario.ProductId });

        var answers = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            var response = await scenario.PostEventAsync(payload);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.JsonAsync());
        }

        Assert.Equal([false, true, true], answers.Select(a => a.GetProperty("duplicate").GetBoolean()));
        var processed = await scenario.ProcessedAsync(StripeEvents.EventId(payload));
        Assert.Equal("applied", processed.GetProperty("status").GetString());

        var license = await scenario.SingleLicenseAsync();
        Assert.Equal("active", license.GetProperty("status").GetString());
        Assert.Equal(scenario.ProductId, license.GetProperty("productId").GetString());
        Assert.Equal(purchase.Email, license.GetProperty("customerEmail").GetString());
        var metadata = license.GetProperty("metadata");
        Assert.Equal(purchase.CustomerId, metadata.GetProperty("stripe_customer_id").GetString());
        Assert.Equal(purchase.SubscriptionId, metadata.GetProperty("stripe_subscription_id").GetString());

        // Another event about the same subscription (a new event id) creates no second license either.
        var again = await scenario.DeliverAsync(StripeEvents.CheckoutCompleted(purchase, DateTimeOffset.UtcNow, new { product_id = scenario.ProductId }));
        Assert.Equal("skipped", again.GetProperty("status").GetString());
        Assert.Single(await scenario.LicensesAsync());

        // As the dashboard counts them.
        Assert.Equal(["accepted", "accepted", "duplicate", "duplicate", "accepted"], received.GetMeasurementSnapshot().Select(m => (string?)m.Tags["result"]));
        Assert.Equal(
            [("applied", "customer.subscription.created"), ("applied", "checkout.session.completed"), ("skipped", "checkout.session.completed")],
            processedEvents.GetMeasurementSnapshot().Select(m => ((string?)m.Tags["outcome"], (string?)m.Tags["type"])));
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneEventStoreItOnce()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        await scenario.SubscriptionCreatedAsync(purchase, DateTimeOffset.UtcNow);
        var payload = StripeEvents.CheckoutCompleted(purchase, DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });
        var header = await StripeSigner.HeaderAsync(payload, BillingScenario.Secret);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scenario.PostRawAsync(payload, header)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var duplicates = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("duplicate").GetBoolean()));
        Assert.Single(duplicates, d => !d);
        await scenario.ProcessedAsync(StripeEvents.EventId(payload));
        Assert.Single(await scenario.LicensesAsync());
    }

    [Fact]
    public async Task SubscriptionCheckoutLicenseExpiresAtTheSubscriptionsPeriodEnd()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        var periodEnd = await scenario.SubscriptionCreatedAsync(purchase, now.AddSeconds(-5));

        var processed = await scenario.DeliverAsync(StripeEvents.CheckoutCompleted(purchase, now, new { product_id = scenario.ProductId }));

        Assert.Equal("applied", processed.GetProperty("status").GetString());
        var license = await scenario.SingleLicenseAsync();
        Assert.Equal(periodEnd, license.GetProperty("expiresAt").GetDateTimeOffset());

        // The next paid invoice renews it to the new period's end.
        var nextPeriodEnd = DateTimeOffset.FromUnixTimeSeconds(periodEnd.AddMonths(1).ToUnixTimeSeconds());
        Assert.Equal("applied", (await scenario.DeliverAsync(StripeEvents.Invoice("invoice.paid", purchase, now.AddSeconds(5), nextPeriodEnd))).GetProperty("status").GetString());
        Assert.Equal(nextPeriodEnd, (await scenario.SingleLicenseAsync()).GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task CheckoutDeliveredBeforeAnyPeriodIsKnownWaitsForItInsteadOfMakingAPerpetualLicense()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        var checkout = StripeEvents.CheckoutCompleted(purchase, now.AddSeconds(-5), new { product_id = scenario.ProductId });
        Assert.Equal(HttpStatusCode.OK, (await scenario.PostEventAsync(checkout)).StatusCode);

        var waiting = await scenario.TriedAsync(StripeEvents.EventId(checkout));
        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Contains("period", waiting.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Empty(await scenario.LicensesAsync());

        // The subscription's first invoice, paid, says which period the checkout bought (it waits for the license, then finds it renewed).
        var periodEnd = DateTimeOffset.FromUnixTimeSeconds(now.AddDays(30).ToUnixTimeSeconds());
        var invoice = StripeEvents.Invoice("invoice.paid", purchase, now, periodEnd);
        Assert.Equal(HttpStatusCode.OK, (await scenario.PostEventAsync(invoice)).StatusCode);

        Assert.Equal("applied", (await scenario.ProcessedAsync(StripeEvents.EventId(checkout))).GetProperty("status").GetString());
        Assert.Equal(periodEnd, (await scenario.SingleLicenseAsync()).GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("skipped", (await scenario.ProcessedAsync(StripeEvents.EventId(invoice))).GetProperty("status").GetString());
        Assert.Equal(periodEnd, (await scenario.SingleLicenseAsync()).GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task CheckoutTakesProductFromThePriceMappingOfItsSubscription()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var mapped = await scenario.Admin.PutAsJsonAsync($"/api/v1/billing/prices/{purchase.PriceId}", new { product_id = scenario.ProductId });
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        var now = DateTimeOffset.UtcNow;

        // The checkout names no product; the subscription's price (from customer.subscription.created) does.
        var checkout = StripeEvents.CheckoutCompleted(purchase, now);
        Assert.Equal(HttpStatusCode.OK, (await scenario.PostEventAsync(checkout)).StatusCode);
        await scenario.DeliverAsync(StripeEvents.Subscription("customer.subscription.created", purchase, now, now.AddMonths(1)));

        Assert.Equal("applied", (await scenario.ProcessedAsync(StripeEvents.EventId(checkout))).GetProperty("status").GetString());
        Assert.Equal(scenario.ProductId, (await scenario.SingleLicenseAsync()).GetProperty("productId").GetString());
    }

    [Fact]
    public async Task CheckoutOfAnUnmappedPriceNeedsAttentionAndIsProcessedOnceThePriceIsMapped()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        var periodEnd = await scenario.SubscriptionCreatedAsync(purchase, now.AddSeconds(-5));
        var checkout = StripeEvents.CheckoutCompleted(purchase, now);
        var eventId = StripeEvents.EventId(checkout);

        var attention = await scenario.DeliverAsync(checkout);

        Assert.Equal(
            ["id", "type", "status", "attempts", "outcome", "unmappedPriceId", "created", "receivedAt", "nextAttemptAt", "processedAt"],
            attention.EnumerateObject().Select(p => p.Name));
        Assert.Equal("needs_attention", attention.GetProperty("status").GetString());
        Assert.Equal(purchase.PriceId, attention.GetProperty("unmappedPriceId").GetString());
        Assert.Contains($"Price {purchase.PriceId} has no product mapping", attention.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        var listed = await (await scenario.Admin.GetAsync("/api/v1/billing/events?status=needs_attention")).JsonAsync();
        Assert.Equal(eventId, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        // Past a few of the processor's polls: still waiting, and no license made by guessing.
        await Task.Delay(600);
        Assert.Equal("needs_attention", (await scenario.EventAsync(eventId)).GetProperty("status").GetString());
        Assert.Empty(await scenario.LicensesAsync());

        var mapped = await scenario.Admin.PutAsJsonAsync($"/api/v1/billing/prices/{purchase.PriceId}", new { productId = scenario.ProductId });
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);

        var processed = await scenario.ProcessedAsync(eventId);
        Assert.Equal("applied", processed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, processed.GetProperty("unmappedPriceId").ValueKind);
        var license = await scenario.SingleLicenseAsync();
        Assert.Equal(scenario.ProductId, license.GetProperty("productId").GetString());
        Assert.Equal(periodEnd, license.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task OneTimeCheckoutOfAnUnmappedPriceInItsMetadataNeedsAttentionAndCanBeRetried()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { price_id = "price_NotMapped123" }, paymentIntentId: Purchase.Id("pi"));
        var eventId = StripeEvents.EventId(payload);

        var processed = await scenario.DeliverAsync(payload);

        Assert.Equal("needs_attention", processed.GetProperty("status").GetString());
        Assert.Equal("price_NotMapped123", processed.GetProperty("unmappedPriceId").GetString());
        Assert.Empty(await scenario.LicensesAsync());

        // Retried by hand while the price is still unmapped: it comes back to needs attention, still without a license.
        Assert.Equal(HttpStatusCode.Accepted, (await scenario.Admin.PostAsync($"/api/v1/billing/events/{eventId}/retry", null)).StatusCode);
        var retried = await scenario.ProcessedAsync(eventId);
        Assert.Equal("needs_attention", retried.GetProperty("status").GetString());
        Assert.Empty(await scenario.LicensesAsync());

        Assert.Equal(HttpStatusCode.OK, (await scenario.Admin.PutAsJsonAsync("/api/v1/billing/prices/price_NotMapped123", new { product_id = scenario.ProductId })).StatusCode);
        Assert.Equal("applied", (await scenario.ProcessedAsync(eventId)).GetProperty("status").GetString());
        var license = await scenario.SingleLicenseAsync();
        Assert.Equal(JsonValueKind.Null, license.GetProperty("expiresAt").ValueKind);
    }
}
