using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Stripe;

namespace Platform.Billing.Processing;

/// <summary>
/// Invoices of a subscription: a payment renews the license to the end of the period paid for (and reinstates
/// it if Billing suspended it for an earlier failure); a failure suspends it, at once or after the grace period.
/// A payment outcome older than the one applied changes nothing, and the expiry only ever moves forward. A paid
/// invoice that arrives before the checkout's license exists still records the period it paid for: the license
/// expires then when it is created.
/// </summary>
internal sealed class InvoiceHandler(LicensingClient licensing)
{
    public async Task<EventOutcome> PaidAsync(EventContext context, CancellationToken cancellationToken)
    {
        var (invoice, subscription, early) = await PrepareAsync(context, cancellationToken);
        var paidUntil = invoice is null ? null : StripeTimes.PaidUntil(invoice);
        if (early is not null)
        {
            if (subscription is { EndedAt: null, LicenseId: null } && paidUntil is { } reported)
            {
                subscription.ReportPeriodEnd(reported);
                await context.SaveAsync(subscription, cancellationToken);
            }

            return early;
        }

        var licenseId = subscription!.LicenseId!;
        var done = new List<string>();
        var newer = subscription.IsNewerPaymentOutcome(context.Created, paid: true);
        if (newer && subscription.SuspendedForNonPayment)
        {
            await licensing.ReinstateAsync(context.CommandFor(licenseId), cancellationToken);
            subscription.SuspendedForNonPayment = false;
            done.Add($"reinstated license {licenseId}");
        }

        if (paidUntil is { } end && end > context.Now && (subscription.PeriodEnd is not { } applied || end > applied))
        {
            done.Add(await RenewAsync(context, subscription, licenseId, end, cancellationToken));
        }

        if (newer)
        {
            subscription.PaymentState = PaymentStates.Paid;
            subscription.PaymentStateAt = context.Created;
        }

        await context.SaveAsync(subscription, cancellationToken);
        await RememberPaymentAsync(context, invoice!, licenseId, cancellationToken);
        return done.Count > 0
            ? EventOutcome.Applied(string.Join("; ", done) + ".")
            : EventOutcome.Skipped($"Nothing newer to apply: license {licenseId} is already paid up to {subscription.PeriodEnd:O}.");
    }

    public async Task<EventOutcome> FailedAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.PaymentFailedAction == BillingActions.Ignore)
        {
            return EventOutcome.Skipped("The settings ignore failed payments.");
        }

        var (_, subscription, early) = await PrepareAsync(context, cancellationToken);
        if (early is not null)
        {
            return early;
        }

        if (!subscription!.IsNewerPaymentOutcome(context.Created, paid: false))
        {
            return EventOutcome.Skipped($"A newer payment outcome ({subscription.PaymentState} at {subscription.PaymentStateAt:O}) is already applied.");
        }

        var due = context.Created + context.Settings.PaymentFailedGrace;
        if (due > context.Now)
        {
            return EventOutcome.Deferred($"Suspension due at {due:O} unless a payment arrives first.", due);
        }

        var licenseId = subscription.LicenseId!;
        var license = await licensing.SuspendAsync(context.CommandFor(licenseId), cancellationToken);
        subscription.SuspendedForNonPayment = license.Status == "suspended";
        subscription.PaymentState = PaymentStates.Failed;
        subscription.PaymentStateAt = context.Created;
        await context.SaveAsync(subscription, cancellationToken);
        return EventOutcome.Applied($"Suspended license {licenseId} for a failed payment.");
    }

    /// <summary>The invoice and its subscription's locked state, or the outcome when there is nothing (yet) to apply it to.</summary>
    private static async Task<(Invoice? Invoice, SubscriptionState? Subscription, EventOutcome? Early)> PrepareAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Event.Data.Object is not Invoice invoice)
        {
            return (null, null, EventOutcome.Failed("The event holds no invoice."));
        }

        if (invoice.Parent?.SubscriptionDetails?.SubscriptionId is not { } subscriptionId)
        {
            return (invoice, null, EventOutcome.Skipped($"Invoice {invoice.Id} is not for a subscription."));
        }

        var subscription = await context.LockSubscriptionAsync(subscriptionId, cancellationToken);
        if (subscription.EndedAt is not null)
        {
            return (invoice, subscription, EventOutcome.Skipped($"Subscription {subscription.SubscriptionId} has ended."));
        }

        return subscription.LicenseId is null
            ? (invoice, subscription, EventOutcome.Waiting($"Subscription {subscription.SubscriptionId} has no license yet (its checkout is not processed)."))
            : (invoice, subscription, null);
    }

    private async Task<string> RenewAsync(EventContext context, SubscriptionState subscription, string licenseId, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (await licensing.TryRenewAsync(context.RenewalFor(licenseId, end), cancellationToken) is { } refusal)
        {
            // The paid period waits for a reinstatement (by the vendor, or by a newer payment).
            return $"license {licenseId} not renewed to {end:O}: {refusal}";
        }

        subscription.PeriodEnd = end;
        return $"renewed license {licenseId} to {end:O}";
    }

    /// <summary>Remembers the payment intents of the invoice's payments, when the event lists them, as paying for the license (for refunds).</summary>
    private static async Task RememberPaymentAsync(EventContext context, Invoice invoice, string licenseId, CancellationToken cancellationToken)
    {
        foreach (var payment in (invoice.Payments?.Data ?? []).Select(p => p?.Payment?.PaymentIntentId).OfType<string>().Distinct())
        {
            await SubscriptionStore.AddPaymentAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, payment, licenseId, cancellationToken);
        }
    }
}
