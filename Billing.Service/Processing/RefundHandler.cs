using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Stripe;

namespace Platform.Billing.Processing;

/// <summary>A fully refunded charge revokes the license it paid for, when the settings say so.</summary>
internal sealed class RefundHandler(LicensingClient licensing)
{
    public async Task<EventOutcome> RefundedAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.RefundAction != BillingActions.Revoke)
        {
            return EventOutcome.Skipped("The settings ignore refunds.");
        }

        if (context.Event.Data.Object is not Charge charge)
        {
            return EventOutcome.Failed("The event holds no charge.");
        }

        if (!charge.Refunded)
        {
            return EventOutcome.Skipped($"Charge {charge.Id} is only partly refunded.");
        }

        var licenseId = await LicenseOfAsync(context, charge, cancellationToken);
        if (licenseId is null)
        {
            return EventOutcome.Skipped($"No single license is known for charge {charge.Id}.");
        }

        await licensing.RevokeAsync(context.CommandFor(licenseId), cancellationToken);
        return EventOutcome.Applied($"Revoked license {licenseId}: charge {charge.Id} was refunded.");
    }

    /// <summary>
    /// The license the charge paid for: by its payment intent when Billing saw it (a one-time checkout, or an
    /// invoice whose payments the event listed), else the one live subscription license of its customer (a charge
    /// names no invoice since API version 2025-03-31.basil).
    /// </summary>
    private static async Task<string?> LicenseOfAsync(EventContext context, Charge charge, CancellationToken cancellationToken)
    {
        if (charge.PaymentIntentId is { } payment
            && await SubscriptionStore.LicenseOfPaymentAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, payment, cancellationToken) is { } paid)
        {
            return paid;
        }

        return charge.CustomerId is { } customer
            && await SubscriptionStore.LicensesOfCustomerAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, customer, cancellationToken) is [var only]
            ? only
            : null;
    }
}
