namespace Platform.Billing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class OutageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EventAcceptedWhileLicensingIsStoppedTakesEffectOnceItIsBack()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        await scenario.StopLicensingAsync();
        // Recording the subscription needs no Licensing; its checkout does.
        await scenario.SubscriptionCreatedAsync(purchase, DateTimeOffset.UtcNow);
        var payload = StripeEvents.CheckoutCompleted(purchase, DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });

        var response = await scenario.PostEventAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var eventId = StripeEvents.EventId(payload);
        JsonElement stored;
        do
        {
            await Task.Delay(100);
            stored = await scenario.EventAsync(eventId);
        }
        while (stored.GetProperty("attempts").GetInt32() < 2);

        Assert.Equal("pending", stored.GetProperty("status").GetString());
        Assert.Contains("unavailable", stored.GetProperty("outcome").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await scenario.LicensesAsync());

        await scenario.RestartLicensingAsync();

        Assert.Equal("applied", (await scenario.ProcessedAsync(eventId)).GetProperty("status").GetString());
        Assert.Equal("active", (await scenario.SingleLicenseAsync()).GetProperty("status").GetString());
    }
}
