namespace Platform.Billing.Tests;

/// <summary>One customer's purchase as Stripe identifies it.</summary>
internal sealed record Purchase(string CustomerId, string SubscriptionId, string Email, string PriceId)
{
    public static Purchase New() => new(Id("cus"), Id("sub"), "ada@example.com", Id("price"));

    public static string Id(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 25)];
}

/// <summary>
/// Stripe events in the shapes of Stripe's API reference (API version 2025-10-29.clover: the invoice's
/// subscription under <c>parent.subscription_details</c>, periods on invoice lines and subscription items).
/// Stripe.net 53.1.0 pins another version (2026-10-28.endive): Billing must read these anyway.
/// </summary>
internal static class StripeEvents
{
    public const string ApiVersion = "2025-10-29.clover";

    /// <summary>The same event as the payload, rendered for another API version (only its <c>api_version</c> differs: the shapes Billing reads are the same).</summary>
    public static string WithApiVersion(string payload, string apiVersion)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(payload)!;
        root["api_version"] = apiVersion;
        return root.ToJsonString();
    }

    public static string Envelope(string type, object dataObject, DateTimeOffset created, bool liveMode = false, string? id = null) => JsonSerializer.Serialize(new
    {
        id = id ?? Purchase.Id("evt"),
        @object = "event",
        api_version = ApiVersion,
        created = created.ToUnixTimeSeconds(),
        data = new { @object = dataObject },
        livemode = liveMode,
        pending_webhooks = 1,
        request = new { id = Purchase.Id("req"), idempotency_key = Guid.NewGuid().ToString() },
        type,
    });

    public static string EventId(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!;

    /// <summary>
    /// <c>checkout.session.completed</c> of a subscription checkout, or of a one-time payment when
    /// <paramref name="paymentIntentId"/> is given; <paramref name="metadata"/> as the vendor set it on the session.
    /// </summary>
    public static string CheckoutCompleted(Purchase purchase, DateTimeOffset created, object? metadata = null, bool liveMode = false, string? paymentIntentId = null) =>
        Envelope("checkout.session.completed", new
        {
            id = Purchase.Id("cs_test"),
            @object = "checkout.session",
            amount_subtotal = 2900,
            amount_total = 2900,
            currency = "usd",
            created = created.ToUnixTimeSeconds() - 60,
            customer = purchase.CustomerId,
            customer_creation = "always",
            customer_details = new { email = purchase.Email, name = "Ada Lovelace", phone = (string?)null, tax_exempt = "none" },
            customer_email = (string?)null,
            expires_at = created.ToUnixTimeSeconds() + 86400,
            livemode = liveMode,
            metadata = metadata ?? new { },
            mode = paymentIntentId is null ? "subscription" : "payment",
            payment_intent = paymentIntentId,
            payment_status = "paid",
            status = "complete",
            subscription = paymentIntentId is null ? purchase.SubscriptionId : null,
            success_url = "https://example.com/thanks",
        }, created, liveMode);

    /// <summary><c>invoice.paid</c> (or <c>invoice.payment_failed</c>) for the period ending at <paramref name="periodEnd"/>.</summary>
    public static string Invoice(string type, Purchase purchase, DateTimeOffset created, DateTimeOffset periodEnd)
    {
        var paid = type == "invoice.paid";
        var periodStart = periodEnd.AddMonths(-1);
        return Envelope(type, new
        {
            id = Purchase.Id("in"),
            @object = "invoice",
            amount_due = 2900,
            amount_paid = paid ? 2900 : 0,
            amount_remaining = paid ? 0 : 2900,
            attempt_count = 1,
            attempted = true,
            billing_reason = "subscription_cycle",
            collection_method = "charge_automatically",
            created = created.ToUnixTimeSeconds() - 3600,
            currency = "usd",
            customer = purchase.CustomerId,
            customer_email = purchase.Email,
            lines = new
            {
                @object = "list",
                data = new[]
                {
                    new
                    {
                        id = Purchase.Id("il"),
                        @object = "line_item",
                        amount = 2900,
                        currency = "usd",
                        description = "1 × Editor Pro (at $29.00 / month)",
                        period = new { end = periodEnd.ToUnixTimeSeconds(), start = periodStart.ToUnixTimeSeconds() },
                        pricing = new { type = "price_details", price_details = new { price = purchase.PriceId, product = "prod_StripeEditorPro" } },
                        quantity = 1,
                    },
                },
                has_more = false,
                url = "/v1/invoices/lines",
            },
            livemode = false,
            parent = new { type = "subscription_details", subscription_details = new { subscription = purchase.SubscriptionId, metadata = new { } } },
            // For a subscription invoice the invoice's own period is the previous one; Billing must read the lines.
            period_end = periodStart.ToUnixTimeSeconds(),
            period_start = periodStart.AddMonths(-1).ToUnixTimeSeconds(),
            status = paid ? "paid" : "open",
            total = 2900,
        }, created);
    }

    public static string Subscription(string type, Purchase purchase, DateTimeOffset created, DateTimeOffset periodEnd, string status = "active", bool cancelAtPeriodEnd = false) =>
        Envelope(type, new
        {
            id = purchase.SubscriptionId,
            @object = "subscription",
            billing_cycle_anchor = periodEnd.AddMonths(-1).ToUnixTimeSeconds(),
            cancel_at_period_end = cancelAtPeriodEnd,
            canceled_at = status == "canceled" ? created.ToUnixTimeSeconds() : (long?)null,
            collection_method = "charge_automatically",
            created = periodEnd.AddMonths(-1).ToUnixTimeSeconds(),
            currency = "usd",
            customer = purchase.CustomerId,
            ended_at = status == "canceled" ? created.ToUnixTimeSeconds() : (long?)null,
            items = new
            {
                @object = "list",
                data = new[]
                {
                    new
                    {
                        id = Purchase.Id("si"),
                        @object = "subscription_item",
                        current_period_end = periodEnd.ToUnixTimeSeconds(),
                        current_period_start = periodEnd.AddMonths(-1).ToUnixTimeSeconds(),
                        price = new { id = purchase.PriceId, @object = "price", active = true, currency = "usd", product = "prod_StripeEditorPro", recurring = new { interval = "month", interval_count = 1 }, type = "recurring", unit_amount = 2900 },
                        quantity = 1,
                    },
                },
                has_more = false,
            },
            livemode = false,
            metadata = new { },
            status,
        }, created);

    public static string ChargeRefunded(Purchase purchase, DateTimeOffset created, bool fully = true, string? paymentIntentId = null) =>
        Envelope("charge.refunded", new
        {
            id = Purchase.Id("ch"),
            @object = "charge",
            amount = 2900,
            amount_captured = 2900,
            amount_refunded = fully ? 2900 : 900,
            captured = true,
            currency = "usd",
            paid = true,
            customer = purchase.CustomerId,
            payment_intent = paymentIntentId ?? Purchase.Id("pi"),
            refunded = fully,
            status = "succeeded",
        }, created);
}
