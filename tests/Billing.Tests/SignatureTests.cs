namespace Platform.Billing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SignatureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task BadSignaturesAreRefusedAndChangeNothing()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });
        var genuine = await StripeSigner.HeaderAsync(payload, BillingScenario.Secret);

        var refusals = new[]
        {
            await scenario.PostEventAsync(payload, secret: "whsec_someone_elses_secret_0000"),
            await scenario.PostRawAsync(payload.Replace("ada@example.com", "eve@example.com", StringComparison.Ordinal), genuine),
            await scenario.PostRawAsync(payload, null),
            await scenario.PostRawAsync(payload, "t=abc,v1=xyz"),
        };

        foreach (var response in refusals)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await response.JsonAsync();
            Assert.Equal("INVALID_SIGNATURE", error.GetProperty("code").GetString());
            Assert.True(error.TryGetProperty("help", out _));
        }

        await AssertNothingChangedAsync(scenario);
    }

    [Fact]
    public async Task StaleTimestampIsRefusedAndChangesNothing()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });

        var response = await scenario.PostEventAsync(payload, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SIGNATURE_EXPIRED", (await response.JsonAsync()).GetProperty("code").GetString());
        await AssertNothingChangedAsync(scenario);
    }

    [Fact]
    public async Task AnyConfiguredSecretAndAnyOfSeveralSignaturesVerify()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        const string rolled = "whsec_rolled_9a8b7c6d5e4f3a2b1c0d";
        Assert.Equal(HttpStatusCode.Created, (await scenario.Admin.PostAsJsonAsync("/api/v1/billing/secrets", new { secret = rolled })).StatusCode);

        // During a roll Stripe signs with the old and the new secret: one header, two v1 signatures.
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });
        var now = DateTimeOffset.UtcNow;
        var byUnknown = await StripeSigner.HeaderAsync(payload, "whsec_unknown_000000000000", now);
        var byRolled = await StripeSigner.HeaderAsync(payload, rolled, now);
        var both = $"{byUnknown},{byRolled[byRolled.IndexOf("v1=", StringComparison.Ordinal)..]}";

        Assert.Equal(HttpStatusCode.OK, (await scenario.PostRawAsync(payload, both)).StatusCode);
        Assert.Equal("applied", (await scenario.ProcessedAsync(StripeEvents.EventId(payload))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task LiveModeEventNeedsALiveSecret()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId }, liveMode: true);

        var response = await scenario.PostEventAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BILLING_NOT_CONFIGURED", (await response.JsonAsync()).GetProperty("code").GetString());
        await AssertNothingChangedAsync(scenario);
    }

    private static async Task AssertNothingChangedAsync(BillingScenario scenario)
    {
        var events = await (await scenario.Admin.GetAsync("/api/v1/billing/events")).JsonAsync();
        Assert.Equal(0, events.GetProperty("pagination").GetProperty("total").GetInt32());
        // Past a few of the processor's polls: still no license.
        await Task.Delay(600);
        Assert.Empty(await scenario.LicensesAsync());
    }
}
