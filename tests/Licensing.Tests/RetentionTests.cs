using Microsoft.Extensions.Logging.Abstractions;
using Platform.Licensing.Model;

namespace Platform.Licensing.Tests;

/// <summary>The retention sweep against a real Postgres: what is past its time goes, in chunks; nothing else does.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetentionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task OnlyRowsPastTheirRetentionAreDeletedAndLargeBacklogsGoInChunks()
    {
        await using var database = await Database.CreateAsync(postgres);
        var license = await TestData.SeedLicenseAsync(database);
        var now = DateTimeOffset.UtcNow;
        // 12,000 usage rows from 100 days ago (more than two chunks), 3 from 89 days ago.
        await database.ExecuteAsync($$"""
            INSERT INTO usage_records (license_id, occurred_at, result, count)
            SELECT '{{license.Id}}', now() - interval '100 days', 'valid', 1 FROM generate_series(1, 12000);
            INSERT INTO usage_records (license_id, occurred_at, result, count)
            SELECT '{{license.Id}}', now() - interval '89 days', 'valid', 1 FROM generate_series(1, 3);
            INSERT INTO idempotency_keys (tenant_id, environment, key, request_hash, status_code, response, created_at) VALUES
                ('{{license.TenantId}}', 'test', 'old', '\x00', 201, '{}', now() - interval '8 days'),
                ('{{license.TenantId}}', 'test', 'recent', '\x00', 201, '{}', now() - interval '6 days');
            INSERT INTO outbox (id, type, tenant_id, environment, aggregate_id, version, payload, created_at, published_at) VALUES
                (gen_random_uuid(), 'license.created', '{{license.TenantId}}', 'test', '{{license.Id}}', 1, '{}', now() - interval '9 days', now() - interval '8 days'),
                (gen_random_uuid(), 'license.created', '{{license.TenantId}}', 'test', '{{license.Id}}', 1, '{}', now() - interval '9 days', now() - interval '6 days'),
                (gen_random_uuid(), 'license.created', '{{license.TenantId}}', 'test', '{{license.Id}}', 1, '{}', now() - interval '9 days', NULL);
            INSERT INTO usage_reports_received (report_id, received_at) VALUES
                ('old-report', now() - interval '25 hours'), ('recent-report', now() - interval '23 hours');
            """);
        var sweeper = new RetentionSweeper(database.DataSource,
            new RetentionPolicy(TimeSpan.FromDays(90), TimeSpan.FromDays(7), TimeSpan.FromDays(7)), NullLogger<RetentionSweeper>.Instance);
        var outboxBefore = await database.ScalarAsync<long>("SELECT count(*) FROM outbox");

        var deleted = await sweeper.SweepAsync(now, CancellationToken.None);
        var again = await sweeper.SweepAsync(now, CancellationToken.None);

        Assert.Equal(12_000 + 1 + 1 + 1, deleted);
        Assert.Equal(0, again);
        Assert.Equal(3, await database.ScalarAsync<long>($"SELECT count(*) FROM usage_records WHERE license_id = '{license.Id}'"));
        Assert.Equal(["recent"], await database.ListAsync<string>("SELECT key FROM idempotency_keys"));
        Assert.Equal(["recent-report"], await database.ListAsync<string>("SELECT report_id FROM usage_reports_received"));
        // An unpublished row is never swept, however old: the relay has yet to publish it.
        Assert.Equal(outboxBefore - 1, await database.ScalarAsync<long>("SELECT count(*) FROM outbox"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE published_at IS NULL AND created_at < now() - interval '8 days'"));
    }
}
