using System.Security.Cryptography;
using Npgsql;
using Platform.Billing.Model;

namespace Platform.Billing.Infrastructure;

/// <summary>
/// The Stripe signing secrets of each tenant and environment. They are kept as given: verifying a signature
/// needs the secret itself, not a digest of it.
/// </summary>
internal sealed class SecretStore(NpgsqlDataSource dataSource)
{
    public const int MaxPerEnvironment = 5;

    public async Task<IReadOnlyList<WebhookSecret>> ListAsync(string tenantId, string environment, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, secret, created_at FROM webhook_secrets WHERE tenant_id = @tenant AND environment = @environment ORDER BY created_at, id")
            .With("tenant", tenantId).With("environment", environment);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var secrets = new List<WebhookSecret>();
        while (await reader.ReadAsync(cancellationToken))
        {
            secrets.Add(new WebhookSecret(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return secrets;
    }

    /// <summary>The new secret's record, or null when the environment already has <see cref="MaxPerEnvironment"/>.</summary>
    public async Task<WebhookSecret?> AddAsync(string tenantId, string environment, string secret, CancellationToken cancellationToken)
    {
        var added = new WebhookSecret("wss_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), secret, DateTimeOffset.UtcNow);
        // A guard against unbounded growth rather than an exact quota: two concurrent additions may both pass.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO webhook_secrets (id, tenant_id, environment, secret, created_at)
            SELECT @id, @tenant, @environment, @secret, @created
            WHERE (SELECT count(*) FROM webhook_secrets WHERE tenant_id = @tenant AND environment = @environment) < @max
            """)
            .With("id", added.Id).With("tenant", tenantId).With("environment", environment).With("secret", secret)
            .With("created", added.CreatedAt).With("max", MaxPerEnvironment);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? added : null;
    }

    public async Task<bool> DeleteAsync(string tenantId, string environment, string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM webhook_secrets WHERE id = @id AND tenant_id = @tenant AND environment = @environment")
            .With("id", id).With("tenant", tenantId).With("environment", environment);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
