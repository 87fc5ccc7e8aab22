using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Platform.Protos.Licensing.V1;
using Stripe.Checkout;

namespace Platform.Billing.Processing;

/// <summary>
/// A completed, paid checkout becomes a license: for the customer's email, with the product and plan from the
/// session's metadata (<c>product_id</c>, <c>plan_id</c>) or from the price mapping, and the Stripe ids in
/// the license's metadata. One license per subscription (or per one-time payment), however often Stripe delivers.
/// A subscription's license expires at the end of the subscription's current period, which the checkout event
/// does not carry (its <c>subscription</c> is an id): Billing knows it from the subscription's own events or its
/// paid invoice, and the checkout waits for them rather than make a license that never expires. A price without
/// a mapping is never guessed: the checkout waits for the vendor to map it (needs attention).
/// </summary>
internal sealed class CheckoutHandler(LicensingClient licensing)
{
    public async Task<EventOutcome> ApplyAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Event.Data.Object is not Session session)
        {
            return EventOutcome.Failed("The event holds no checkout session.");
        }

        if (session.Mode == "setup")
        {
            return EventOutcome.Skipped($"Checkout session {session.Id} only saved a payment method; nothing was bought.");
        }

        if (session.PaymentStatus is not ("paid" or "no_payment_required"))
        {
            // Delayed payment methods: the license waits for checkout.session.async_payment_succeeded.
            return EventOutcome.Skipped($"Checkout session {session.Id} is {session.PaymentStatus ?? "not paid"}; its license waits for checkout.session.async_payment_succeeded.");
        }

        var subscription = session.SubscriptionId is { } subscriptionId ? await context.LockSubscriptionAsync(subscriptionId, cancellationToken) : null;
        var existing = subscription?.LicenseId
            ?? (session.PaymentIntentId is { } payment
                ? await SubscriptionStore.LicenseOfPaymentAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, payment, cancellationToken)
                : null);
        if (existing is not null)
        {
            return EventOutcome.Skipped($"License {existing} was already created for this purchase.");
        }

        var product = await ProductOfAsync(context, session, subscription, cancellationToken);
        if (product.Unresolved is { } unresolved)
        {
            return unresolved;
        }

        var command = new CreateLicenseCommand
        {
            IdempotencyKey = context.Event.Id,
            TenantId = context.TenantId,
            Environment = context.Environment,
            ProductId = product.ProductId,
            PlanId = product.PlanId ?? "",
            CustomerEmail = session.CustomerDetails?.Email ?? session.CustomerEmail ?? "",
        };
        if (subscription is not null)
        {
            if (subscription.PeriodEnd is not { } periodEnd)
            {
                return EventOutcome.Waiting($"The current period of subscription {subscription.SubscriptionId} is not known yet: it arrives with customer.subscription.created or invoice.paid, " +
                    "which Stripe sends with the checkout (the webhook endpoint must be subscribed to them).");
            }

            // A subscription license, whatever the mapped plan's own type: it lives as long as the payments do.
            command.ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(periodEnd);
            command.LicenseType = "subscription";
        }

        AddIf(command, "stripe_customer_id", session.CustomerId);
        AddIf(command, "stripe_subscription_id", session.SubscriptionId);
        AddIf(command, "stripe_checkout_session_id", session.Id);
        var license = await licensing.CreateAsync(command, cancellationToken);

        if (subscription is not null)
        {
            subscription.LicenseId = license.Id;
            subscription.CustomerId ??= session.CustomerId;
            await context.SaveAsync(subscription, cancellationToken);
        }

        if (session.PaymentIntentId is { } paymentIntent)
        {
            await SubscriptionStore.AddPaymentAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, paymentIntent, license.Id, cancellationToken);
        }

        return EventOutcome.Applied($"Created license {license.Id} (product {product.ProductId}{(product.PlanId is null ? "" : $", plan {product.PlanId}")}" +
            $"{(command.ExpiresAt is { } expiresAt ? $", expiring at the period end {expiresAt.ToDateTimeOffset():O}" : "")}).");
    }

    /// <summary>The product and plan: the session's metadata first, then the mapping of the price the session or its subscription names.</summary>
    private static async Task<CheckoutProduct> ProductOfAsync(EventContext context, Session session, SubscriptionState? subscription, CancellationToken cancellationToken)
    {
        var metadata = session.Metadata ?? [];
        if (metadata.GetValueOrDefault("product_id") is { Length: > 0 } product)
        {
            return new(product, metadata.GetValueOrDefault("plan_id") is { Length: > 0 } plan ? plan : null, null);
        }

        // Not the session's line items: Stripe includes them only when a session is fetched with them expanded, never in an event.
        var priceId = metadata.GetValueOrDefault("price_id") ?? subscription?.PriceId;
        if (priceId is null)
        {
            return new("", null, subscription is null
                ? EventOutcome.Failed("The session names no product: set metadata product_id (and plan_id) on the session, or map its price.")
                : EventOutcome.Waiting($"The price of subscription {subscription.SubscriptionId} is not known yet (it arrives with customer.subscription.created)."));
        }

        return await PriceStore.FindLockedAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, priceId, cancellationToken) is { } mapping
            ? new(mapping.ProductId, mapping.PlanId, null)
            : new("", null, EventOutcome.UnmappedPrice(priceId,
                $"Price {priceId} has no product mapping in the {context.Environment} environment: map it (PUT /api/v1/billing/prices/{priceId}) " +
                "and this checkout is processed then."));
    }

    private static void AddIf(CreateLicenseCommand command, string key, string? value)
    {
        if (value is not null)
        {
            command.Metadata[key] = value;
        }
    }

    /// <summary>What a checkout becomes; when its product is not known, the outcome to record instead.</summary>
    private sealed record CheckoutProduct(string ProductId, string? PlanId, EventOutcome? Unresolved);
}
