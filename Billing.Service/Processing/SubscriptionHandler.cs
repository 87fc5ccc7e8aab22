using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Platform.Protos.Licensing.V1;
using Stripe;

namespace Platform.Billing.Processing;

/// <summary>
/// Subscription changes: Billing records the price, <c>cancel_at_period_end</c> (only from an event newer than
/// the state applied) and the current period's end while the subscription is active or trialing (a checkout's
/// license expires then) and, on deletion, revokes the license or lets it expire at the end of the paid period.
/// A deleted subscription is final: no later event touches its license.
/// </summary>
internal sealed class SubscriptionHandler(LicensingClient licensing)
{
    public async Task<EventOutcome> UpdatedAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Event.Data.Object is not Subscription stripe)
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

        var priceId = (stripe.Items?.Data ?? []).Select(item => item?.Price?.Id).FirstOrDefault(id => id is not null);
        var notes = new List<string>();
        if (subscription.LicenseId is { } licenseId && subscription.PriceId is { } before && priceId is { } after && before != after)
        {
            notes.Add(await ChangePlanAsync(context, licenseId, before, after, cancellationToken));
        }

        if (stripe.CancelAtPeriodEnd != subscription.CancelAtPeriodEnd)
        {
            notes.Add(stripe.CancelAtPeriodEnd
                ? $"cancels at the period end; the license lapses at {subscription.PeriodEnd?.ToString("O") ?? "its expiry"} unless renewed"
                : "no longer cancels at the period end");
        }

        // Only a period in good standing: a past_due subscription has moved to a period nobody paid for yet. (It counts
        // only until the license exists: see ReportPeriodEnd.)
        if (stripe.Status is "active" or "trialing" && StripeTimes.CurrentPeriodEnd(stripe) is { } periodEnd)
        {
            subscription.ReportPeriodEnd(periodEnd);
        }

        subscription.CustomerId ??= stripe.CustomerId;
        subscription.PriceId = priceId ?? subscription.PriceId;
        subscription.CancelAtPeriodEnd = stripe.CancelAtPeriodEnd;
        subscription.SubscriptionStateAt = context.Created;
        await context.SaveAsync(subscription, cancellationToken);
        return EventOutcome.Applied($"Recorded subscription {stripe.Id} ({stripe.Status}, price {subscription.PriceId ?? "unknown"})" +
            (notes.Count > 0 ? ": " + string.Join("; ", notes) : "") + ".");
    }

    /// <summary>A new price moves the license to the plan mapped to it; a price without a mapped plan leaves the plan as it is.</summary>
    private async Task<string> ChangePlanAsync(EventContext context, string licenseId, string before, string after, CancellationToken cancellationToken)
    {
        if (await PriceStore.FindAsync(context.Connection, context.Transaction, context.TenantId, context.Environment, after, cancellationToken) is not { PlanId: { } planId })
        {
            return $"price changed from {before} to {after}, which maps to no plan; license {licenseId} keeps its plan";
        }

        await licensing.ChangePlanAsync(new ChangeLicensePlanCommand
        {
            IdempotencyKey = context.Event.Id, TenantId = context.TenantId, Environment = context.Environment, LicenseId = licenseId, PlanId = planId,
        }, cancellationToken);
        return $"price changed from {before} to {after}; license {licenseId} moved to plan {planId}";
    }

    public async Task<EventOutcome> DeletedAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Event.Data.Object is not Subscription stripe)
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
        else if (StripeTimes.CurrentPeriodEnd(stripe) is { } end && end > context.Now && end != subscription.PeriodEnd && !subscription.SuspendedForNonPayment)
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
        if (await licensing.TryRenewAsync(context.RenewalFor(licenseId, end), cancellationToken) is { } refusal)
        {
            return $"Subscription {subscription.SubscriptionId} was cancelled; license {licenseId} left as it is: {refusal}";
        }

        subscription.PeriodEnd = end;
        return $"Subscription {subscription.SubscriptionId} was cancelled; license {licenseId} expires at the period end {end:O}.";
    }
}
