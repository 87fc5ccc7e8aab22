using Npgsql;
using Platform.Billing.Model;

namespace Platform.Billing.Infrastructure;

/// <summary>Each tenant's Stripe price → product and plan mappings, per environment.</summary>
internal sealed class PriceStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PriceMapping>> ListAsync(string tenantId, string environment, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT price_id, product_id, plan_id, updated_at FROM price_mappings WHERE tenant_id = @tenant AND environment = @environment ORDER BY price_id")
            .With("tenant", tenantId).With("environment", environment);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<PriceMapping?> FindAsync(string tenantId, string environment, string priceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT price_id, product_id, plan_id, updated_at FROM price_mappings WHERE tenant_id = @tenant AND environment = @environment AND price_id = @price")
            .With("tenant", tenantId).With("environment", environment).With("price", priceId);
        return await ReadAsync(command, cancellationToken) is [var mapping, ..] ? mapping : null;
    }

    public async Task<PriceMapping> SaveAsync(string tenantId, string environment, string priceId, string productId, string? planId, CancellationToken cancellationToken)
    {
        var mapping = new PriceMapping(priceId, productId, planId, DateTimeOffset.UtcNow);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO price_mappings (tenant_id, environment, price_id, product_id, plan_id, updated_at)
            VALUES (@tenant, @environment, @price, @product, @plan, @updated)
            ON CONFLICT (tenant_id, environment, price_id) DO UPDATE SET product_id = excluded.product_id, plan_id = excluded.plan_id, updated_at = excluded.updated_at
            """)
            .With("tenant", tenantId).With("environment", environment).With("price", priceId).With("product", productId)
            .With("plan", planId).With("updated", mapping.UpdatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return mapping;
    }

    public async Task<bool> DeleteAsync(string tenantId, string environment, string priceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM price_mappings WHERE tenant_id = @tenant AND environment = @environment AND price_id = @price")
            .With("tenant", tenantId).With("environment", environment).With("price", priceId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
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
