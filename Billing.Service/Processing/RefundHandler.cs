using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Platform.Billing.Stripe;

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

        if (Charge.Read(context.Event.Object) is not { } charge)
        {
            return EventOutcome.Failed("The event holds no charge.");
        }

        if (!charge.FullyRefunded)
        {
            return EventOutcome.Skipped($"Charge {charge.Id} is only partly refunded.");
        }

        var payments = new[] { charge.PaymentIntentId, charge.InvoiceId }.OfType<string>().ToList();
        var licenseId = payments.Count == 0 ? null
            : await SubscriptionStore.LicenseOfPaymentAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, payments, cancellationToken);
        if (licenseId is null)
        {
            return EventOutcome.Skipped($"No license is known for charge {charge.Id}.");
        }

        await licensing.RevokeAsync(context.CommandFor(licenseId), cancellationToken);
        return EventOutcome.Applied($"Revoked license {licenseId}: charge {charge.Id} was refunded.");
    }
}
