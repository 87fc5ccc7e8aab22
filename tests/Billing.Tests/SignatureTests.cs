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
        var timestamp = genuine[..genuine.IndexOf(',', StringComparison.Ordinal)];

        var refusals = new[]
        {
            await scenario.PostEventAsync(payload, secret: "whsec_someone_elses_secret_0000"),
            // Signed long ago and with another secret: the signature is wrong, not expired.
            await scenario.PostEventAsync(payload, secret: "whsec_someone_elses_secret_0000", signedAt: DateTimeOffset.UtcNow.AddHours(-1)),
            await scenario.PostRawAsync(payload.Replace("ada@example.com", "eve@example.com", StringComparison.Ordinal), genuine),
            await scenario.PostRawAsync(payload, null),
            await scenario.PostRawAsync(payload, "t=abc,v1=xyz"),
            await scenario.PostRawAsync(payload, "garbage without equals signs"),
            await scenario.PostRawAsync(payload, timestamp),
            await scenario.PostRawAsync(payload, $"{timestamp},v0={genuine[(genuine.IndexOf("v1=", StringComparison.Ordinal) + 3)..]}"),
            await scenario.PostRawAsync(payload, $"t=99999999999999999999,{genuine[(genuine.IndexOf(',', StringComparison.Ordinal) + 1)..]}"),
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

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    [InlineData(21_000_000)] // about 2066: past what Stripe.net reads as a timestamp (32 bits)
    public async Task TimestampOutsideTheToleranceIsRefusedAndChangesNothing(int minutesFromNow)
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });

        var response = await scenario.PostEventAsync(payload, signedAt: DateTimeOffset.UtcNow.AddMinutes(minutesFromNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SIGNATURE_EXPIRED", (await response.JsonAsync()).GetProperty("code").GetString());
        await AssertNothingChangedAsync(scenario);
    }

    [Fact]
    public async Task TimestampWithinTheToleranceIsAccepted()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });

        var response = await scenario.PostEventAsync(payload, signedAt: DateTimeOffset.UtcNow.AddMinutes(-4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnyConfiguredSecretAndAnyOfSeveralSignaturesVerify()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        const string rolled = "whsec_rolled_9a8b7c6d5e4f3a2b1c0d";
        Assert.Equal(HttpStatusCode.Created, (await scenario.Admin.PostAsJsonAsync("/api/v1/billing/secrets", new { secret = rolled })).StatusCode);
        var purchase = Purchase.New();
        await scenario.SubscriptionCreatedAsync(purchase, DateTimeOffset.UtcNow);

        // During a roll Stripe signs with the old and the new secret: one header, two v1 signatures.
        var payload = StripeEvents.CheckoutCompleted(purchase, DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });
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

    /// <summary>Stripe.net 53.1.0 pins 2026-10-28.endive; vendors' endpoints send other versions, which Billing reads from 2025-03-31.basil on.</summary>
    [Theory]
    [InlineData("2025-03-31.basil")]
    [InlineData("2025-10-29.clover")]
    [InlineData("2026-10-28.endive")]
    public async Task EventsOfApiVersionsOtherThanStripeNetsOwnAreAcceptedAndApplied(string apiVersion)
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var purchase = Purchase.New();
        var now = DateTimeOffset.UtcNow;
        var periodEnd = DateTimeOffset.FromUnixTimeSeconds(now.AddMonths(1).ToUnixTimeSeconds());

        var subscription = await scenario.DeliverAsync(StripeEvents.WithApiVersion(StripeEvents.Subscription("customer.subscription.created", purchase, now, periodEnd), apiVersion));
        var checkout = await scenario.DeliverAsync(StripeEvents.WithApiVersion(StripeEvents.CheckoutCompleted(purchase, now, new { product_id = scenario.ProductId }), apiVersion));

        Assert.Equal(("applied", "applied"), (subscription.GetProperty("status").GetString(), checkout.GetProperty("status").GetString()));
        Assert.Equal(periodEnd, (await scenario.SingleLicenseAsync()).GetProperty("expiresAt").GetDateTimeOffset());
    }

    /// <summary>Before 2025-03-31.basil an invoice named its subscription elsewhere and a subscription kept its period elsewhere: Stripe.net's types would miss them.</summary>
    [Theory]
    [InlineData("2025-02-24.acacia")]
    [InlineData("2024-06-20")]
    [InlineData("not-a-version")]
    public async Task EventOfAnApiVersionBeforeBasilIsRefusedAndChangesNothing(string apiVersion)
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var payload = StripeEvents.WithApiVersion(StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId }), apiVersion);

        var response = await scenario.PostEventAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("INVALID_EVENT", error.GetProperty("code").GetString());
        Assert.Contains("2025-03-31.basil", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        await AssertNothingChangedAsync(scenario);
    }

    [Fact]
    public async Task BodiesStripeNetCannotReadAreInvalidEventsNotServerErrors()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var genuine = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });
        string[] bodies =
        [
            "",
            "not json",
            "[1, 2, 3]",
            "null",
            "{}",
            """{"id": "evt_1", "object": "v2.core.event", "type": "v1.billing.meter.error_report_triggered"}""",
            genuine.Replace("\"livemode\":false", "\"livemode\":\"no\"", StringComparison.Ordinal),
            genuine.Replace("\"payment_status\":\"paid\"", "\"payment_status\":{\"nested\":[]}", StringComparison.Ordinal),
            genuine.Replace("\"id\":\"evt_", "\"id\":\"xyz_", StringComparison.Ordinal),
            genuine[..(genuine.Length / 2)],
        ];

        foreach (var body in bodies)
        {
            var response = await scenario.PostEventAsync(body);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} for {body}");
            // A body that is not JSON at all is refused as such by the input checks every service runs, before the route.
            var expected = body is "not json" || body.Length == genuine.Length / 2 ? "INVALID_JSON" : "INVALID_EVENT";
            Assert.Equal(expected, (await response.JsonAsync()).GetProperty("code").GetString());
        }

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
