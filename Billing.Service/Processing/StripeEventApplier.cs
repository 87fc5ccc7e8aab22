namespace Platform.Billing.Processing;

/// <summary>Routes an event to what Billing does with its type.</summary>
internal sealed class StripeEventApplier(CheckoutHandler checkout, InvoiceHandler invoices, SubscriptionHandler subscriptions, RefundHandler refunds)
{
    public Task<EventOutcome> ApplyAsync(EventContext context, CancellationToken cancellationToken) => context.Event.Type switch
    {
        "checkout.session.completed" or "checkout.session.async_payment_succeeded" => checkout.ApplyAsync(context, cancellationToken),
        "invoice.paid" => invoices.PaidAsync(context, cancellationToken),
        "invoice.payment_failed" => invoices.FailedAsync(context, cancellationToken),
        "customer.subscription.created" or "customer.subscription.updated" => SubscriptionHandler.UpdatedAsync(context, cancellationToken),
        "customer.subscription.deleted" => subscriptions.DeletedAsync(context, cancellationToken),
        "charge.refunded" => refunds.RefundedAsync(context, cancellationToken),
        var type => Task.FromResult(EventOutcome.Skipped($"Billing does not act on {type}.")),
    };
}
