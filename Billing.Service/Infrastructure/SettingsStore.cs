using Npgsql;
using Platform.Billing.Model;

namespace Platform.Billing.Infrastructure;

/// <summary>Each tenant's <see cref="BillingSettings"/> per environment; the defaults until it saves its own.</summary>
internal sealed class SettingsStore(NpgsqlDataSource dataSource)
{
    public async Task<BillingSettings> GetAsync(string tenantId, string environment, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT payment_failed_action, payment_failed_grace_hours, cancellation_action, refund_action FROM billing_settings WHERE tenant_id = @tenant AND environment = @environment")
            .With("tenant", tenantId).With("environment", environment);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BillingSettings(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3))
            : BillingSettings.Default;
    }

    public async Task SaveAsync(string tenantId, string environment, BillingSettings settings, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO billing_settings (tenant_id, environment, payment_failed_action, payment_failed_grace_hours, cancellation_action, refund_action, updated_at)
            VALUES (@tenant, @environment, @failed, @grace, @cancellation, @refund, now())
            ON CONFLICT (tenant_id, environment) DO UPDATE SET payment_failed_action = excluded.payment_failed_action,
                payment_failed_grace_hours = excluded.payment_failed_grace_hours, cancellation_action = excluded.cancellation_action,
                refund_action = excluded.refund_action, updated_at = excluded.updated_at
            """)
            .With("tenant", tenantId).With("environment", environment).With("failed", settings.PaymentFailedAction)
            .With("grace", settings.PaymentFailedGraceHours).With("cancellation", settings.CancellationAction).With("refund", settings.RefundAction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
