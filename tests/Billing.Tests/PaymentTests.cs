namespace Platform.Billing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PaymentTests(PostgresFixture postgres)
{
    [Fact]
    public async Task FailedPaymentSuspendsTheLicense()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.PurchaseAsync(purchase, now.AddSeconds(-30));

        var processed = await scenario.DeliverAsync(StripeEvents.Invoice("invoice.payment_failed", purchase, now, now.AddMonths(1)));

        Assert.Equal("applied", processed.GetProperty("status").GetString());
        Assert.Equal("suspended", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PaidInvoiceMovesTheExpiryToThePeriodEndAndReinstates()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.PurchaseAsync(purchase, now.AddSeconds(-30));
        await scenario.DeliverAsync(StripeEvents.Invoice("invoice.payment_failed", purchase, now.AddSeconds(-20), now.AddMonths(1)));
        Assert.Equal("suspended", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());

        var periodEnd = DateTimeOffset.FromUnixTimeSeconds(now.AddDays(31).ToUnixTimeSeconds());
        var processed = await scenario.DeliverAsync(StripeEvents.Invoice("invoice.paid", purchase, now.AddSeconds(-10), periodEnd));

        Assert.Equal("applied", processed.GetProperty("status").GetString());
        var license = await scenario.SingleLicenseAsync();
        Assert.Equal("active", license.GetProperty("status").GetString());
        Assert.Equal(periodEnd, license.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task OlderEventsDeliveredLateDoNotUndoNewerOnes()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.PurchaseAsync(purchase, now.AddMinutes(-3));
        var periodEnd = DateTimeOffset.FromUnixTimeSeconds(now.AddDays(62).ToUnixTimeSeconds());
        await scenario.DeliverAsync(StripeEvents.Invoice("invoice.paid", purchase, now.AddMinutes(-1), periodEnd));

        // Stripe delivers, late, a failure and a payment of the period before.
        var lateFailure = await scenario.DeliverAsync(StripeEvents.Invoice("invoice.payment_failed", purchase, now.AddMinutes(-2), now.AddDays(31)));
        var latePayment = await scenario.DeliverAsync(StripeEvents.Invoice("invoice.paid", purchase, now.AddMinutes(-2), now.AddDays(31)));

        Assert.Equal("skipped", lateFailure.GetProperty("status").GetString());
        Assert.Equal("skipped", latePayment.GetProperty("status").GetString());
        var license = await scenario.SingleLicenseAsync();
        Assert.Equal("active", license.GetProperty("status").GetString());
        Assert.Equal(periodEnd, license.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GracePeriodDefersTheSuspensionAndAPaymentWithinItCancelsIt()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var settings = await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { payment_failed_grace_hours = 24 });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.PurchaseAsync(purchase, now.AddSeconds(-30));

        var failure = StripeEvents.Invoice("invoice.payment_failed", purchase, now.AddSeconds(-20), now.AddMonths(1));
        Assert.Equal(HttpStatusCode.OK, (await scenario.PostEventAsync(failure)).StatusCode);
        var deferred = await scenario.TriedAsync(StripeEvents.EventId(failure));
        Assert.Equal("pending", deferred.GetProperty("status").GetString());
        Assert.True(deferred.GetProperty("nextAttemptAt").GetDateTimeOffset() > now.AddHours(23));
        Assert.Equal("active", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());

        await scenario.DeliverAsync(StripeEvents.Invoice("invoice.paid", purchase, now.AddSeconds(-10), now.AddMonths(1)));
        Assert.Equal("active", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancelledSubscriptionRevokesWhenConfigured()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { cancellation_action = "revoke" });
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.PurchaseAsync(purchase, now.AddSeconds(-30));

        var deleted = await scenario.DeliverAsync(StripeEvents.Subscription("customer.subscription.deleted", purchase, now, now.AddDays(10), status: "canceled"));
        var lateUpdate = await scenario.DeliverAsync(StripeEvents.Subscription("customer.subscription.updated", purchase, now.AddSeconds(-5), now.AddDays(10)));

        Assert.Equal("applied", deleted.GetProperty("status").GetString());
        Assert.Equal("skipped", lateUpdate.GetProperty("status").GetString());
        Assert.Equal("revoked", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancelledSubscriptionLetsTheLicenseExpireAtThePeriodEndByDefault()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.PurchaseAsync(purchase, now.AddSeconds(-30));
        var periodEnd = DateTimeOffset.FromUnixTimeSeconds(now.AddDays(10).ToUnixTimeSeconds());

        await scenario.DeliverAsync(StripeEvents.Subscription("customer.subscription.deleted", purchase, now, periodEnd, status: "canceled"));

        var license = await scenario.SingleLicenseAsync();
        Assert.Equal("active", license.GetProperty("status").GetString());
        Assert.Equal(periodEnd, license.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task FullRefundRevokesWhenConfiguredAndPartialRefundDoesNot()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { refund_action = "revoke" });
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        await scenario.PurchaseAsync(purchase, now.AddSeconds(-30));

        var partial = await scenario.DeliverAsync(StripeEvents.ChargeRefunded(purchase, now.AddSeconds(-10), fully: false));
        Assert.Equal("skipped", partial.GetProperty("status").GetString());
        Assert.Equal("active", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());

        var full = await scenario.DeliverAsync(StripeEvents.ChargeRefunded(purchase, now));
        Assert.Equal("applied", full.GetProperty("status").GetString());
        Assert.Equal("revoked", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OneTimePurchaseIsRevokedByTheRefundOfItsPayment()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { refund_action = "revoke" });
        var purchase = Purchase.New();
        var paymentIntent = Purchase.Id("pi");
        var now = DateTimeOffset.UtcNow;
        var checkout = await scenario.DeliverAsync(StripeEvents.CheckoutCompleted(purchase, now.AddSeconds(-30), new { product_id = scenario.ProductId }, paymentIntentId: paymentIntent));
        Assert.Equal("applied", checkout.GetProperty("status").GetString());
        Assert.False((await scenario.SingleLicenseAsync()).GetProperty("metadata").TryGetProperty("stripe_subscription_id", out _));

        var refund = await scenario.DeliverAsync(StripeEvents.ChargeRefunded(purchase, now, paymentIntentId: paymentIntent));

        Assert.Equal("applied", refund.GetProperty("status").GetString());
        Assert.Equal("revoked", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());
    }
}
