using Stripe;

namespace Platform.Billing.Processing;

/// <summary>Routes an event to what Billing does with its type.</summary>
internal sealed class StripeEventApplier(CheckoutHandler checkout, InvoiceHandler invoices, SubscriptionHandler subscriptions, RefundHandler refunds)
{
    public Task<EventOutcome> ApplyAsync(EventContext context, CancellationToken cancellationToken) => context.Event.Type switch
    {
        EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded => checkout.ApplyAsync(context, cancellationToken),
        EventTypes.InvoicePaid => invoices.PaidAsync(context, cancellationToken),
        EventTypes.InvoicePaymentFailed => invoices.FailedAsync(context, cancellationToken),
        EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated => subscriptions.UpdatedAsync(context, cancellationToken),
        EventTypes.CustomerSubscriptionDeleted => subscriptions.DeletedAsync(context, cancellationToken),
        EventTypes.ChargeRefunded => refunds.RefundedAsync(context, cancellationToken),
        var type => Task.FromResult(EventOutcome.Skipped($"Billing does not act on {type}.")),
    };
}
