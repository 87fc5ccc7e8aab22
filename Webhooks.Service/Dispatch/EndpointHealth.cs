using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts.Events;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Tracks whether an endpoint is failing: a success clears it; an endpoint that has failed every attempt for
/// <see cref="WebhookOptions.DisableAfter"/>, or answered 410 Gone, is disabled, logged, and announced
/// with a <see cref="WebhookEndpointDisabled"/> event.
/// </summary>
public sealed class EndpointHealth(NpgsqlDataSource dataSource, IBus bus, IOptions<WebhookOptions> options, ILogger<EndpointHealth> logger)
{
    public const string ReasonGone = "gone";
    public const string ReasonFailing = "failing";

    public async Task RecordAsync(DeliveryWork work, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            await using var healthy = dataSource.CreateCommand("UPDATE endpoints SET failing_since = NULL WHERE id = @id AND failing_since IS NOT NULL");
            healthy.Parameters.AddWithValue("id", work.EndpointId);
            await healthy.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var failing = dataSource.CreateCommand(
            """
            UPDATE endpoints SET failing_since = coalesce(failing_since, now()),
                enabled = CASE WHEN @gone OR coalesce(failing_since, now()) <= now() - @window THEN false ELSE enabled END,
                disabled_reason = CASE WHEN @gone THEN 'gone' WHEN coalesce(failing_since, now()) <= now() - @window THEN 'failing' ELSE disabled_reason END,
                updated_at = now()
            WHERE id = @id AND enabled
            RETURNING enabled, disabled_reason, tenant_id, environment, url
            """);
        failing.Parameters.AddWithValue("id", work.EndpointId);
        failing.Parameters.AddWithValue("gone", outcome.Gone);
        failing.Parameters.AddWithValue("window", NpgsqlTypes.NpgsqlDbType.Interval, options.Value.DisableAfter);
        await using var reader = await failing.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetBoolean(0))
        {
            return;
        }

        var disabled = new WebhookEndpointDisabled(work.EndpointId, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(1), DateTimeOffset.UtcNow);
        await reader.DisposeAsync();
        logger.LogWarning("Webhook endpoint {EndpointId} of tenant {TenantId} ({Url}) disabled: {Reason}",
            disabled.EndpointId, disabled.TenantId, disabled.Url, disabled.Reason);
        try
        {
            await bus.Publish(disabled, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The endpoint is disabled either way; the announcement is best effort and the log above records it.
            logger.LogWarning(ex, "Could not publish that webhook endpoint {EndpointId} was disabled", disabled.EndpointId);
        }
    }
}
