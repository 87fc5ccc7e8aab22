using Npgsql;
using NpgsqlTypes;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Infrastructure;

/// <summary>The deliveries of one endpoint, as its owner sees them; redeliveries and test pings are new deliveries.</summary>
public sealed class DeliveryLog(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, last_attempt_at, last_status_code, last_duration_ms, last_error, last_response_body, redelivery_of, created_at, delivered_at";

    public async Task<(List<Delivery> Items, long Total)> ListAsync(string endpointId, string? status, int skip, int take, CancellationToken cancellationToken)
    {
        await using var list = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM deliveries WHERE endpoint_id = @endpoint AND (@status IS NULL OR status = @status)
            ORDER BY created_at DESC, id OFFSET @skip LIMIT @take
            """);
        Filter(list, endpointId, status);
        list.Parameters.AddWithValue("skip", skip);
        list.Parameters.AddWithValue("take", take);
        var items = await ReadAllAsync(list, cancellationToken);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM deliveries WHERE endpoint_id = @endpoint AND (@status IS NULL OR status = @status)");
        Filter(count, endpointId, status);
        return (items, (long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<Delivery?> GetAsync(string endpointId, string id, CancellationToken cancellationToken)
    {
        await using var get = dataSource.CreateCommand($"SELECT {Columns} FROM deliveries WHERE id = @id AND endpoint_id = @endpoint");
        get.Parameters.AddWithValue("id", id);
        get.Parameters.AddWithValue("endpoint", endpointId);
        return (await ReadAllAsync(get, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Sends a delivery's event again, now, as a new delivery with a fresh retry schedule.</summary>
    public async Task<Delivery?> RedeliverAsync(string endpointId, string id, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var copy = dataSource.CreateCommand(
            $"""
            INSERT INTO deliveries (id, endpoint_id, event_id, event_type, payload, status, max_attempts, next_attempt_at, redelivery_of)
            SELECT @new, endpoint_id, event_id, event_type, payload, 'pending', @max, now(), id
            FROM deliveries WHERE id = @id AND endpoint_id = @endpoint
            RETURNING {Columns}
            """);
        copy.Parameters.AddWithValue("new", Ids.New("whd"));
        copy.Parameters.AddWithValue("id", id);
        copy.Parameters.AddWithValue("endpoint", endpointId);
        copy.Parameters.AddWithValue("max", maxAttempts);
        return (await ReadAllAsync(copy, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Queues a one-attempt <c>webhook.test</c> event to the endpoint.</summary>
    public async Task<Delivery> EnqueuePingAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var eventId = Guid.CreateVersion7();
        // The envelope of license events, in the form every body is sent in (JsonStringifyForm).
        var payload = Dispatch.JsonStringifyForm.Of(System.Text.Json.JsonSerializer.Serialize(new
        {
            @event = EventTypes.Ping,
            timestamp = DateTime.UtcNow,
            id = eventId,
            tenant = endpoint.TenantId,
            environment = endpoint.Environment,
            data = new { endpointId = endpoint.Id, message = "This is a test event." },
        }));
        await using var ping = dataSource.CreateCommand(
            $"""
            INSERT INTO deliveries (id, endpoint_id, event_id, event_type, payload, status, max_attempts, next_attempt_at)
            VALUES (@id, @endpoint, @event, @type, @payload, 'pending', 1, now())
            RETURNING {Columns}
            """);
        ping.Parameters.AddWithValue("id", Ids.New("whd"));
        ping.Parameters.AddWithValue("endpoint", endpoint.Id);
        ping.Parameters.AddWithValue("event", eventId);
        ping.Parameters.AddWithValue("type", EventTypes.Ping);
        ping.Parameters.AddWithValue("payload", payload);
        return (await ReadAllAsync(ping, cancellationToken))[0];
    }

    private static void Filter(NpgsqlCommand command, string endpointId, string? status)
    {
        command.Parameters.AddWithValue("endpoint", endpointId);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
    }

    private static async Task<List<Delivery>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<Delivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new Delivery(
                reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                Nullable<DateTimeOffset>(reader, 6), Nullable<DateTimeOffset>(reader, 7), Nullable<int>(reader, 8), Nullable<int>(reader, 9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12), reader.GetFieldValue<DateTimeOffset>(13), Nullable<DateTimeOffset>(reader, 14)));
        }

        return deliveries;
    }

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
