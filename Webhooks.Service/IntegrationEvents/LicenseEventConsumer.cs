using MassTransit;
using Npgsql;
using Platform.Contracts.Events;
using Platform.Webhooks.Dispatch;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.IntegrationEvents;

/// <summary>
/// Turns a license event into one pending delivery per subscribed, enabled endpoint of its tenant and
/// environment. The event id is recorded in the same transaction, so a message the broker delivers again
/// (redelivery, or a relay that published twice) fans out once; the message is acknowledged only after
/// the commit, so a crash before it leaves the message on the queue.
/// </summary>
public sealed class LicenseEventConsumer(NpgsqlDataSource dataSource, DeliverySignal signal, Microsoft.Extensions.Options.IOptions<WebhookOptions> options) : IConsumer<LicenseEvent>
{
    public async Task Consume(ConsumeContext<LicenseEvent> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var seen = new NpgsqlCommand("INSERT INTO received_events (event_id, type) VALUES (@id, @type) ON CONFLICT DO NOTHING", connection, transaction))
        {
            seen.Parameters.AddWithValue("id", message.EventId);
            seen.Parameters.AddWithValue("type", message.Type);
            if (await seen.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return;
            }
        }

        int fannedOut;
        await using (var fanOut = new NpgsqlCommand(
            """
            INSERT INTO deliveries (id, endpoint_id, event_id, event_type, payload, status, max_attempts, next_attempt_at)
            SELECT 'whd_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24), e.id, @event, @type, @payload, 'pending', @max, now()
            FROM endpoints e
            WHERE e.tenant_id = @tenant AND e.environment = @environment AND e.enabled AND ('*' = ANY(e.events) OR @type = ANY(e.events))
            """, connection, transaction))
        {
            fanOut.Parameters.AddWithValue("event", message.EventId);
            fanOut.Parameters.AddWithValue("type", message.Type);
            // The body as JSON.stringify of the parsed body writes it, so that either way of checking the signature works.
            fanOut.Parameters.AddWithValue("payload", JsonStringifyForm.Of(message.Payload));
            fanOut.Parameters.AddWithValue("max", options.Value.MaxAttempts);
            fanOut.Parameters.AddWithValue("tenant", message.TenantId);
            fanOut.Parameters.AddWithValue("environment", message.Environment);
            fannedOut = await fanOut.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (fannedOut > 0)
        {
            signal.Notify();
        }
    }
}
