using Platform.Billing.Model;
using Platform.Billing.Stripe;
using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc;

namespace Platform.Billing.Processing;

/// <summary>
/// Subscription changes: Billing records the price and <c>cancel_at_period_end</c> (only from an event newer than
/// the state applied) and, on deletion, revokes the license or lets it expire at the end of the paid period.
/// A deleted subscription is final: no later event touches its license.
/// </summary>
internal sealed class SubscriptionHandler(LicensingClient licensing)
{
    public static async Task<EventOutcome> UpdatedAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (Subscription.Read(context.Event.Object) is not { } stripe)
        {
            return EventOutcome.Failed("The event holds no subscription.");
        }

        var subscription = await context.LockSubscriptionAsync(stripe.Id, cancellationToken);
        if (subscription.EndedAt is not null)
        {
            return EventOutcome.Skipped($"Subscription {stripe.Id} has ended.");
        }

        if (subscription.SubscriptionStateAt is { } applied && context.Created < applied)
        {
            return EventOutcome.Skipped($"A newer state of subscription {stripe.Id} (of {applied:O}) is already applied.");
        }

        var notes = new List<string>();
        if (subscription.LicenseId is { } licenseId && subscription.PriceId is { } before && stripe.PriceId is { } after && before != after)
        {
            // Licensing's gRPC contract has no command that changes a license's plan; the change is recorded here.
            notes.Add($"price changed from {before} to {after}; license {licenseId} keeps its plan");
        }

        if (stripe.CancelAtPeriodEnd != subscription.CancelAtPeriodEnd)
        {
            notes.Add(stripe.CancelAtPeriodEnd
                ? $"cancels at the period end; the license lapses at {subscription.PeriodEnd?.ToString("O") ?? "its expiry"} unless renewed"
                : "no longer cancels at the period end");
        }

        subscription.CustomerId ??= stripe.CustomerId;
        subscription.PriceId = stripe.PriceId ?? subscription.PriceId;
        subscription.CancelAtPeriodEnd = stripe.CancelAtPeriodEnd;
        subscription.SubscriptionStateAt = context.Created;
        await context.SaveAsync(subscription, cancellationToken);
        return EventOutcome.Applied($"Recorded subscription {stripe.Id} ({stripe.Status}, price {subscription.PriceId ?? "unknown"})" +
            (notes.Count > 0 ? ": " + string.Join("; ", notes) : "") + ".");
    }

    public async Task<EventOutcome> DeletedAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (Subscription.Read(context.Event.Object) is not { } stripe)
        {
            return EventOutcome.Failed("The event holds no subscription.");
        }

        var subscription = await context.LockSubscriptionAsync(stripe.Id, cancellationToken);
        if (subscription.EndedAt is not null)
        {
            return EventOutcome.Skipped($"Subscription {stripe.Id} already ended.");
        }

        if (subscription.LicenseId is not { } licenseId)
        {
            return EventOutcome.Waiting($"Subscription {stripe.Id} has no license yet (its checkout is not processed).");
        }

        string result;
        if (context.Settings.CancellationAction == BillingActions.Revoke)
        {
            await licensing.RevokeAsync(context.CommandFor(licenseId), cancellationToken);
            result = $"Revoked license {licenseId}: subscription {stripe.Id} was cancelled.";
        }
        else if (stripe.CurrentPeriodEnd is { } end && end > context.Now && end != subscription.PeriodEnd && !subscription.SuspendedForNonPayment)
        {
            result = await ExpireAtAsync(context, subscription, licenseId, end, cancellationToken);
        }
        else
        {
            result = $"Subscription {stripe.Id} was cancelled; license {licenseId} lapses at its current expiry.";
        }

        subscription.EndedAt = context.Created;
        await context.SaveAsync(subscription, cancellationToken);
        return EventOutcome.Applied(result);
    }

    /// <summary>Sets the license to expire at the end of the period the customer paid for.</summary>
    private async Task<string> ExpireAtAsync(EventContext context, SubscriptionState subscription, string licenseId, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var command = new RenewLicenseCommand
        {
            IdempotencyKey = context.Event.Id,
            TenantId = context.TenantId,
            Environment = context.Environment,
            LicenseId = licenseId,
            ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(end),
        };
        try
        {
            await licensing.RenewAsync(command, cancellationToken);
            subscription.PeriodEnd = end;
            return $"Subscription {subscription.SubscriptionId} was cancelled; license {licenseId} expires at the period end {end:O}.";
        }
        catch (RpcException ex) when (LicensingErrors.IsStateConflict(ex))
        {
            return $"Subscription {subscription.SubscriptionId} was cancelled; license {licenseId} left as it is: {ex.Status.Detail}";
        }
    }
}
