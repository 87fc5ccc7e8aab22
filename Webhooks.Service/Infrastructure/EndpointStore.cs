using Npgsql;
using NpgsqlTypes;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Infrastructure;

/// <summary>The endpoints table. Every query is filtered by tenant and environment: another's endpoint is simply not found.</summary>
public sealed class EndpointStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, tenant_id, environment, url, events, description, enabled, disabled_reason, secret, previous_secret, previous_secret_expires_at, created_at, updated_at";

    public async Task<WebhookEndpoint> InsertAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand(
            $"""
            INSERT INTO endpoints (id, tenant_id, environment, url, events, description, enabled, secret)
            VALUES (@id, @tenant, @environment, @url, @events, @description, @enabled, @secret)
            RETURNING {Columns}
            """);
        insert.Parameters.AddWithValue("id", endpoint.Id);
        insert.Parameters.AddWithValue("tenant", endpoint.TenantId);
        insert.Parameters.AddWithValue("environment", endpoint.Environment);
        insert.Parameters.AddWithValue("url", endpoint.Url);
        insert.Parameters.AddWithValue("events", endpoint.Events.ToArray());
        insert.Parameters.AddWithValue("description", NpgsqlDbType.Text, (object?)endpoint.Description ?? DBNull.Value);
        insert.Parameters.AddWithValue("enabled", endpoint.Enabled);
        insert.Parameters.AddWithValue("secret", endpoint.Secret);
        return (await ReadAllAsync(insert, cancellationToken))[0];
    }

    public async Task<(List<WebhookEndpoint> Items, long Total)> ListAsync(string tenantId, string environment, int skip, int take, CancellationToken cancellationToken)
    {
        await using var list = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM endpoints WHERE tenant_id = @tenant AND environment = @environment
            ORDER BY created_at DESC, id OFFSET @skip LIMIT @take
            """);
        Scope(list, tenantId, environment);
        list.Parameters.AddWithValue("skip", skip);
        list.Parameters.AddWithValue("take", take);
        var items = await ReadAllAsync(list, cancellationToken);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM endpoints WHERE tenant_id = @tenant AND environment = @environment");
        Scope(count, tenantId, environment);
        return (items, (long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<WebhookEndpoint?> GetAsync(string tenantId, string environment, string id, CancellationToken cancellationToken)
    {
        await using var get = dataSource.CreateCommand($"SELECT {Columns} FROM endpoints WHERE id = @id AND tenant_id = @tenant AND environment = @environment");
        get.Parameters.AddWithValue("id", id);
        Scope(get, tenantId, environment);
        return (await ReadAllAsync(get, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Changes what is given; enabling an endpoint also forgets why it was disabled and how long it had been failing.</summary>
    public async Task<WebhookEndpoint?> UpdateAsync(string tenantId, string environment, string id, UpdateEndpoint change, CancellationToken cancellationToken)
    {
        await using var update = dataSource.CreateCommand(
            $"""
            UPDATE endpoints SET
                url = coalesce(@url, url),
                events = coalesce(@events, events),
                description = CASE WHEN @set_description THEN @description ELSE description END,
                enabled = coalesce(@enabled, enabled),
                disabled_reason = CASE WHEN @enabled IS NULL THEN disabled_reason WHEN @enabled THEN NULL ELSE 'manual' END,
                failing_since = CASE WHEN @enabled AND NOT enabled THEN NULL ELSE failing_since END,
                updated_at = now()
            WHERE id = @id AND tenant_id = @tenant AND environment = @environment
            RETURNING {Columns}
            """);
        update.Parameters.AddWithValue("id", id);
        Scope(update, tenantId, environment);
        update.Parameters.AddWithValue("url", NpgsqlDbType.Text, (object?)change.Url ?? DBNull.Value);
        update.Parameters.AddWithValue("events", NpgsqlDbType.Array | NpgsqlDbType.Text, (object?)change.Events?.ToArray() ?? DBNull.Value);
        update.Parameters.AddWithValue("set_description", change.Description is not null);
        update.Parameters.AddWithValue("description", NpgsqlDbType.Text, change.Description is { Length: > 0 } d ? d : DBNull.Value);
        update.Parameters.AddWithValue("enabled", NpgsqlDbType.Boolean, (object?)change.Enabled ?? DBNull.Value);
        return (await ReadAllAsync(update, cancellationToken)).FirstOrDefault();
    }

    public async Task<bool> DeleteAsync(string tenantId, string environment, string id, CancellationToken cancellationToken)
    {
        await using var delete = dataSource.CreateCommand("DELETE FROM endpoints WHERE id = @id AND tenant_id = @tenant AND environment = @environment");
        delete.Parameters.AddWithValue("id", id);
        Scope(delete, tenantId, environment);
        return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>A new secret signs from now on; the current one keeps signing alongside it until <paramref name="overlapUntil"/>.</summary>
    public async Task<WebhookEndpoint?> RotateSecretAsync(string tenantId, string environment, string id, string secret, DateTimeOffset overlapUntil, CancellationToken cancellationToken)
    {
        await using var rotate = dataSource.CreateCommand(
            $"""
            UPDATE endpoints SET previous_secret = secret, previous_secret_expires_at = @until, secret = @secret, updated_at = now()
            WHERE id = @id AND tenant_id = @tenant AND environment = @environment
            RETURNING {Columns}
            """);
        rotate.Parameters.AddWithValue("id", id);
        Scope(rotate, tenantId, environment);
        rotate.Parameters.AddWithValue("secret", secret);
        rotate.Parameters.AddWithValue("until", overlapUntil);
        return (await ReadAllAsync(rotate, cancellationToken)).FirstOrDefault();
    }

    private static void Scope(NpgsqlCommand command, string tenantId, string environment)
    {
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("environment", environment);
    }

    private static async Task<List<WebhookEndpoint>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var endpoints = new List<WebhookEndpoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(new WebhookEndpoint(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12)));
        }

        return endpoints;
    }
}

/// <summary>The fields of an endpoint a change sets; null leaves a field as it is (an empty description clears it).</summary>
public sealed record UpdateEndpoint(string? Url, IReadOnlyList<string>? Events, string? Description, bool? Enabled);
