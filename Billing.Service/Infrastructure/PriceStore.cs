using Npgsql;
using Platform.Billing.Model;

namespace Platform.Billing.Infrastructure;

/// <summary>
/// Each tenant's Stripe price → product and plan mappings, per environment. Saving a mapping releases the checkouts
/// that wait for it (needs attention) back to the processor. Both sides take one advisory lock per price, so a checkout
/// either sees the mapping or is recorded as waiting before the mapping looks for waiting checkouts: none is missed.
/// </summary>
internal sealed class PriceStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PriceMapping>> ListAsync(string tenantId, string environment, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT price_id, product_id, plan_id, updated_at FROM price_mappings WHERE tenant_id = @tenant AND environment = @environment ORDER BY price_id")
            .With("tenant", tenantId).With("environment", environment);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Saves the mapping and puts the checkouts waiting for it back in the queue, due now.</summary>
    /// <returns>The mapping, and how many waiting events it released.</returns>
    public async Task<(PriceMapping Mapping, int Released)> SaveAsync(
        string tenantId, string environment, string priceId, string productId, string? planId, CancellationToken cancellationToken)
    {
        var mapping = new PriceMapping(priceId, productId, planId, DateTimeOffset.UtcNow);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, tenantId, environment, priceId, cancellationToken);
        await using (var command = new NpgsqlCommand("""
            INSERT INTO price_mappings (tenant_id, environment, price_id, product_id, plan_id, updated_at)
            VALUES (@tenant, @environment, @price, @product, @plan, @updated)
            ON CONFLICT (tenant_id, environment, price_id) DO UPDATE SET product_id = excluded.product_id, plan_id = excluded.plan_id, updated_at = excluded.updated_at
            """, connection, transaction))
        {
            await command.With("tenant", tenantId).With("environment", environment).With("price", priceId).With("product", productId)
                .With("plan", planId).With("updated", mapping.UpdatedAt).ExecuteNonQueryAsync(cancellationToken);
        }

        var released = await EventStore.ReleaseWaitingAsync(connection, transaction, tenantId, environment, priceId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (mapping, released);
    }

    /// <summary>
    /// The mapping of <paramref name="priceId"/>, read inside the transaction of the event being processed, under the
    /// price's lock (held until that transaction ends, so a mapping saved meanwhile finds the event if it ends waiting).
    /// </summary>
    public static async Task<PriceMapping?> FindLockedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string priceId, CancellationToken cancellationToken)
    {
        await LockAsync(connection, transaction, tenantId, environment, priceId, cancellationToken);
        return await FindAsync(connection, transaction, tenantId, environment, priceId, cancellationToken);
    }

    /// <summary>The mapping of <paramref name="priceId"/>, read inside the transaction of the event being processed.</summary>
    public static async Task<PriceMapping?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string priceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT price_id, product_id, plan_id, updated_at FROM price_mappings WHERE tenant_id = @tenant AND environment = @environment AND price_id = @price",
            connection, transaction);
        command.With("tenant", tenantId).With("environment", environment).With("price", priceId);
        return await ReadAsync(command, cancellationToken) is [var mapping, ..] ? mapping : null;
    }

    public async Task<bool> DeleteAsync(string tenantId, string environment, string priceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM price_mappings WHERE tenant_id = @tenant AND environment = @environment AND price_id = @price")
            .With("tenant", tenantId).With("environment", environment).With("price", priceId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A transaction-level lock per tenant, environment and price (a hash collision only makes two prices wait on each other).</summary>
    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string priceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended(@tenant || '/' || @environment || '/' || @price, 0))", connection, transaction);
        await command.With("tenant", tenantId).With("environment", environment).With("price", priceId).ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<PriceMapping>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var mappings = new List<PriceMapping>();
        while (await reader.ReadAsync(cancellationToken))
        {
            mappings.Add(new PriceMapping(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return mappings;
    }
}
