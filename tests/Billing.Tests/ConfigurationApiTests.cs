namespace Platform.Billing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ConfigurationApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ConfigurationNeedsAVerifiedAdminCaller()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);

        var anonymous = await scenario.Stripe.GetAsync("/api/v1/billing/settings");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("AUTH_REQUIRED", (await anonymous.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task SettingsKeepUnchangedFieldsAndRefuseUnknownActions()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);

        var defaults = await (await scenario.Admin.GetAsync("/api/v1/billing/settings")).JsonAsync();
        var changed = await (await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { cancellation_action = "revoke" })).JsonAsync();
        var refused = await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { refund_action = "shrug" });

        Assert.Equal("suspend", defaults.GetProperty("paymentFailedAction").GetString());
        Assert.Equal("expire", defaults.GetProperty("cancellationAction").GetString());
        Assert.Equal($"/api/v1/billing/stripe/{scenario.TenantId}/webhook", defaults.GetProperty("webhookPath").GetString());
        Assert.Equal("revoke", changed.GetProperty("cancellationAction").GetString());
        Assert.Equal("suspend", changed.GetProperty("paymentFailedAction").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("VALIDATION_ERROR", (await refused.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnswersAreCamelCaseAndRequestsAcceptBothSpellings()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);

        var camel = await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { paymentFailedGraceHours = 12, refund_action = "revoke" });
        var settings = await camel.JsonAsync();
        var mapping = await (await scenario.Admin.PutAsJsonAsync("/api/v1/billing/prices/price_Camel2026", new { productId = scenario.ProductId, plan_id = "plan_Basic1" })).JsonAsync();
        var secrets = await (await scenario.Admin.GetAsync("/api/v1/billing/secrets")).JsonAsync();
        var wrongType = await scenario.Admin.PutAsJsonAsync("/api/v1/billing/settings", new { paymentFailedGraceHours = "half a day" });
        var notJson = await scenario.Admin.PutAsync("/api/v1/billing/settings", new StringContent("{\"paymentFailedGraceHours\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, camel.StatusCode);
        Assert.Equal(
            ["environment", "paymentFailedAction", "paymentFailedGraceHours", "cancellationAction", "refundAction", "webhookPath"],
            settings.EnumerateObject().Select(p => p.Name));
        Assert.Equal((12, "revoke"), (settings.GetProperty("paymentFailedGraceHours").GetInt32(), settings.GetProperty("refundAction").GetString()));
        Assert.Equal(["priceId", "productId", "planId", "updatedAt"], mapping.EnumerateObject().Select(p => p.Name));
        Assert.Equal("plan_Basic1", mapping.GetProperty("planId").GetString());
        Assert.Equal(["id", "hint", "createdAt"], Assert.Single(secrets.GetProperty("data").EnumerateArray()).EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var typeError = await wrongType.JsonAsync();
        Assert.Equal("VALIDATION_ERROR", typeError.GetProperty("code").GetString());
        Assert.Contains("paymentFailedGraceHours", typeError.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("INVALID_JSON", (await notJson.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task SecretsAreListedByHintAndCanBeRotatedOut()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);

        var list = await (await scenario.Admin.GetAsync("/api/v1/billing/secrets")).JsonAsync();
        var secret = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.DoesNotContain(BillingScenario.Secret, list.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(BillingScenario.Secret[^4..], secret.GetProperty("hint").GetString(), StringComparison.Ordinal);
        var invalid = await scenario.Admin.PostAsJsonAsync("/api/v1/billing/secrets", new { secret = "sk_live_wrongkind" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var deleted = await scenario.Admin.DeleteAsync($"/api/v1/billing/secrets/{secret.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var payload = StripeEvents.CheckoutCompleted(Purchase.New(), DateTimeOffset.UtcNow, new { product_id = scenario.ProductId });
        var refused = await scenario.PostEventAsync(payload);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task PriceMappingsAreScopedToTheCallersEnvironment()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        var saved = await scenario.Admin.PutAsJsonAsync("/api/v1/billing/prices/price_Pro2026", new { product_id = scenario.ProductId });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var live = scenario.Billing.AdminClient(scenario.TenantId, "live");

        var testList = await (await scenario.Admin.GetAsync("/api/v1/billing/prices")).JsonAsync();
        var liveList = await (await live.GetAsync("/api/v1/billing/prices")).JsonAsync();
        var missingProduct = await scenario.Admin.PutAsJsonAsync("/api/v1/billing/prices/price_Other", new { plan_id = "plan_x1" });

        Assert.Equal("price_Pro2026", Assert.Single(testList.GetProperty("data").EnumerateArray()).GetProperty("priceId").GetString());
        Assert.Empty(liveList.GetProperty("data").EnumerateArray());
        Assert.Equal("MISSING_FIELDS", (await missingProduct.JsonAsync()).GetProperty("code").GetString());
    }
}
