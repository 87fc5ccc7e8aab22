using Npgsql;
using Platform.Billing.Model;

namespace Platform.Billing.Infrastructure;

/// <summary>
/// Billing's own record of subscriptions and the licenses they became (and of payments, for refunds), read and
/// written inside the transaction of the event being processed.
/// </summary>
internal static class SubscriptionStore
{
    /// <summary>The subscription's state, created empty if it is new, locked until the transaction ends.</summary>
    public static async Task<SubscriptionState> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string subscriptionId, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO subscriptions (tenant_id, environment, subscription_id, updated_at) VALUES (@tenant, @environment, @id, now())
            ON CONFLICT (tenant_id, environment, subscription_id) DO NOTHING
            """, connection, transaction))
        {
            await insert.With("tenant", tenantId).With("environment", environment).With("id", subscriptionId).ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand("""
            SELECT customer_id, license_id, price_id, period_end, payment_state, payment_state_at, suspended_for_nonpayment, cancel_at_period_end,
                   subscription_state_at, ended_at
            FROM subscriptions WHERE tenant_id = @tenant AND environment = @environment AND subscription_id = @id FOR UPDATE
            """, connection, transaction);
        await using var reader = await select.With("tenant", tenantId).With("environment", environment).With("id", subscriptionId).ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SubscriptionState
        {
            TenantId = tenantId,
            Environment = environment,
            SubscriptionId = subscriptionId,
            CustomerId = reader.NullableString(0),
            LicenseId = reader.NullableString(1),
            PriceId = reader.NullableString(2),
            PeriodEnd = reader.NullableTime(3),
            PaymentState = reader.NullableString(4),
            PaymentStateAt = reader.NullableTime(5),
            SuspendedForNonPayment = reader.GetBoolean(6),
            CancelAtPeriodEnd = reader.GetBoolean(7),
            SubscriptionStateAt = reader.NullableTime(8),
            EndedAt = reader.NullableTime(9),
        };
    }

    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SubscriptionState state, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE subscriptions SET customer_id = @customer, license_id = @license, price_id = @price, period_end = @period_end,
                payment_state = @payment_state, payment_state_at = @payment_state_at, suspended_for_nonpayment = @suspended,
                cancel_at_period_end = @cancel, subscription_state_at = @subscription_state_at, ended_at = @ended, updated_at = now()
            WHERE tenant_id = @tenant AND environment = @environment AND subscription_id = @id
            """, connection, transaction);
        await command.With("customer", state.CustomerId).With("license", state.LicenseId).With("price", state.PriceId)
            .With("period_end", state.PeriodEnd).With("payment_state", state.PaymentState).With("payment_state_at", state.PaymentStateAt)
            .With("suspended", state.SuspendedForNonPayment).With("cancel", state.CancelAtPeriodEnd)
            .With("subscription_state_at", state.SubscriptionStateAt).With("ended", state.EndedAt)
            .With("tenant", state.TenantId).With("environment", state.Environment).With("id", state.SubscriptionId)
            .ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Remembers which license a payment intent paid for.</summary>
    public static async Task AddPaymentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string paymentIntentId, string licenseId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO payments (tenant_id, environment, payment_id, license_id) VALUES (@tenant, @environment, @payment, @license)
            ON CONFLICT (tenant_id, environment, payment_id) DO NOTHING
            """, connection, transaction);
        await command.With("tenant", tenantId).With("environment", environment).With("payment", paymentIntentId).With("license", licenseId).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The license the payment intent paid for, when Billing knows it.</summary>
    public static async Task<string?> LicenseOfPaymentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string paymentIntentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT license_id FROM payments WHERE tenant_id = @tenant AND environment = @environment AND payment_id = @payment", connection, transaction);
        return (string?)await command.With("tenant", tenantId).With("environment", environment).With("payment", paymentIntentId).ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The licenses of the customer's subscriptions that have not ended.</summary>
    public static async Task<IReadOnlyList<string>> LicensesOfCustomerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string customerId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT license_id FROM subscriptions
            WHERE tenant_id = @tenant AND environment = @environment AND customer_id = @customer AND license_id IS NOT NULL AND ended_at IS NULL
            """, connection, transaction);
        await using var reader = await command.With("tenant", tenantId).With("environment", environment).With("customer", customerId).ExecuteReaderAsync(cancellationToken);
        var licenses = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            licenses.Add(reader.GetString(0));
        }

        return licenses;
    }
}
