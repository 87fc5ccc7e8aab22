using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Billing.Infrastructure;
using Platform.Billing.Model;

namespace Platform.Billing.Processing;

/// <summary>
/// Works through the stored events, oldest (by Stripe's time) first: each in a transaction that locks the
/// event and its subscription, applies it through Licensing and records the outcome. When Licensing cannot be
/// reached the event stays pending and is retried with backoff, for as long as it takes.
/// </summary>
internal sealed class StripeEventProcessor(
    NpgsqlDataSource dataSource, StripeEventApplier applier, SettingsStore settings, EventSignal signal,
    IOptions<BillingOptions> options, BillingMetrics metrics, TimeProvider time, ILogger<StripeEventProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Processing Stripe events failed; trying again shortly");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>False when no event was due.</returns>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await EventStore.ClaimNextAsync(connection, transaction, cancellationToken) is not { } stored)
        {
            return false;
        }

        var outcome = await ApplyAsync(stored, connection, transaction, cancellationToken);
        var now = time.GetUtcNow();
        var attempts = stored.Attempts + 1;
        var (status, next) = outcome.Kind switch
        {
            OutcomeKind.Applied => (EventStatus.Applied, (DateTimeOffset?)null),
            OutcomeKind.Skipped => (EventStatus.Skipped, null),
            OutcomeKind.Failed => (EventStatus.Failed, null),
            OutcomeKind.NeedsAttention => (EventStatus.NeedsAttention, null),
            OutcomeKind.Deferred => (EventStatus.Pending, outcome.NotBefore),
            OutcomeKind.Waiting when attempts >= options.Value.MaxWaitingAttempts => (EventStatus.Failed, null),
            _ => (EventStatus.Pending, now + options.Value.BackoffAfter(attempts)),
        };
        await EventStore.RecordAsync(
            connection, transaction, stored, status, outcome.Kind == OutcomeKind.Deferred ? stored.Attempts : attempts, next, outcome.Message, outcome.UnmappedPriceId,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Processed(outcome.Kind, stored.Type);
        logger.LogInformation("Stripe event {EventId} ({Type}) of {TenantId}: {Status}. {Outcome}", stored.EventId, stored.Type, stored.TenantId, status, outcome.Message);
        return true;
    }

    /// <summary>Applies the event under a savepoint: whatever it wrote is undone if it ends in an error, and the outcome says whether to retry.</summary>
    private async Task<EventOutcome> ApplyAsync(StoredEvent stored, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (StripeEventReader.Read(stored.Payload) is not { } stripeEvent)
        {
            return EventOutcome.Failed("The stored payload is not a Stripe event.");
        }

        var tenantSettings = await settings.GetAsync(stored.TenantId, stored.Environment, cancellationToken);
        await transaction.SaveAsync("apply", cancellationToken);
        try
        {
            var context = new EventContext(stored, stripeEvent, tenantSettings, connection, transaction, time.GetUtcNow());
            return await applier.ApplyAsync(context, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync("apply", cancellationToken);
            return LicensingErrors.Classify(ex);
        }
    }
}
