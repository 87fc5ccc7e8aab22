using Google.Protobuf.WellKnownTypes;
using Platform.Protos.Licensing.V1;
using Grpc.Core;
using UsageRecorder = Platform.Licensing.Model.UsageRecorder;

namespace Platform.Licensing.Tests;

/// <summary>What Validation writes over gRPC: floating seats, domain bindings and usage batches.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RuntimeWritesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task SeatsAreLeasedUpToTheLimitAndALapsedLeaseFreesItsSeat()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = await s.CreatePlanAsync(new { license_type = "floating", max_seats = 2, seat_lease_seconds = 60 });
        var key = (await s.CreateLicenseAsync(new { plan_id = plan.GetProperty("id").GetString() })).GetProperty("key").GetString();

        var a = await s.Licensing.CheckoutSeatAsync(new CheckoutSeatRequest { Key = key, ClientId = "a" });
        var again = await s.Licensing.CheckoutSeatAsync(new CheckoutSeatRequest { Key = key, ClientId = "a" });
        var b = await s.Licensing.CheckoutSeatAsync(new CheckoutSeatRequest { Key = key, ClientId = "b" });
        var full = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.CheckoutSeatAsync(new CheckoutSeatRequest { Key = key, ClientId = "c" }));

        Assert.Equal((a.LeaseId, 1), (again.LeaseId, again.SeatsInUse));
        Assert.Equal((2, 2), (b.SeatsInUse, b.MaxSeats));
        Assert.InRange(a.LeaseExpiresAt.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddSeconds(50), DateTimeOffset.UtcNow.AddSeconds(61));
        Assert.Equal("NO_SEATS_AVAILABLE", full.Trailers.GetValue("x-error-code"));

        // a's client vanished: its lease runs out without a heartbeat, and c gets the seat.
        await s.Database.ExecuteAsync($"UPDATE seat_leases SET expires_at = now() - interval '1 second' WHERE id = '{a.LeaseId}'");
        var c = await s.Licensing.CheckoutSeatAsync(new CheckoutSeatRequest { Key = key, ClientId = "c" });
        var lapsed = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.HeartbeatSeatAsync(new HeartbeatSeatRequest { Key = key, LeaseId = a.LeaseId }));
        var renewed = await s.Licensing.HeartbeatSeatAsync(new HeartbeatSeatRequest { Key = key, LeaseId = b.LeaseId });
        var checkedIn = await s.Licensing.CheckinSeatAsync(new CheckinSeatRequest { Key = key, LeaseId = b.LeaseId });
        var twice = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.CheckinSeatAsync(new CheckinSeatRequest { Key = key, LeaseId = b.LeaseId }));

        Assert.Equal(2, c.SeatsInUse);
        Assert.Equal(StatusCode.NotFound, lapsed.StatusCode);
        Assert.True(renewed.LeaseExpiresAt.ToDateTimeOffset() >= b.LeaseExpiresAt.ToDateTimeOffset());
        Assert.Equal(1, checkedIn.SeatsInUse);
        Assert.Equal(StatusCode.NotFound, twice.StatusCode);
    }

    [Fact]
    public async Task ConcurrentCheckoutsNeverExceedTheSeats()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var key = (await s.CreateLicenseAsync(new { type = "floating", max_seats = 3 })).GetProperty("key").GetString();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await s.Licensing.CheckoutSeatAsync(new CheckoutSeatRequest { Key = key, ClientId = $"client-{i}" });
                return "leased";
            }
            catch (RpcException ex)
            {
                return ex.Trailers.GetValue("x-error-code");
            }
        }));

        Assert.Equal(3, outcomes.Count(o => o == "leased"));
        Assert.Equal(17, outcomes.Count(o => o == "NO_SEATS_AVAILABLE"));
    }

    [Fact]
    public async Task DomainsAreBoundOnFirstUseUpToTheLimitAndAFixedListRefusesOthers()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var open = (await s.CreateLicenseAsync(new { max_domains = 2 })).GetProperty("key").GetString();
        var fixedList = (await s.CreateLicenseAsync(new { domains = new[] { "shop.example.com" } })).GetProperty("key").GetString();

        await s.Licensing.BindDomainAsync(new BindDomainRequest { Key = open, Domain = "a.example" });
        var second = await s.Licensing.BindDomainAsync(new BindDomainRequest { Key = open, Domain = "B.example." });
        var repeat = await s.Licensing.BindDomainAsync(new BindDomainRequest { Key = open, Domain = "a.example" });
        var third = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.BindDomainAsync(new BindDomainRequest { Key = open, Domain = "c.example" }));
        var listed = await s.Licensing.BindDomainAsync(new BindDomainRequest { Key = fixedList, Domain = "shop.example.com" });
        var other = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.BindDomainAsync(new BindDomainRequest { Key = fixedList, Domain = "evil.example" }));
        var bad = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.BindDomainAsync(new BindDomainRequest { Key = open, Domain = "a b" }));

        Assert.Equal(["a.example", "b.example"], second.Domains);
        Assert.Equal(second.Version, repeat.Version);
        Assert.Equal("DOMAIN_LIMIT_REACHED", third.Trailers.GetValue("x-error-code"));
        Assert.True(listed.DomainsFixed);
        Assert.Equal("DOMAIN_MISMATCH", other.Trailers.GetValue("x-error-code"));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }

    [Fact]
    public async Task ConcurrentFoldsCountEveryStoredReportExactlyOnce()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var id = (await s.CreateLicenseAsync()).GetProperty("id").GetString()!;
        var recorder = new UsageRecorder(s.Database.DataSource);

        // 40 reports arrive while four folds (three skipping what another holds, one waiting for it) run over and over.
        using var arriving = new CancellationTokenSource();
        var reports = Enumerable.Range(0, 40).Select(async i =>
        {
            var batch = new RecordUsageRequest();
            batch.Records.Add(new UsageRecord { LicenseId = id, OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Result = "valid", Fingerprint = $"m{i % 3}", Count = 2 });
            batch.Records.Add(new UsageRecord { LicenseId = "lic_unknown", OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Result = "valid", Count = 7 });
            await s.Licensing.RecordUsageAsync(batch);
        }).ToList();
        var folds = Enumerable.Range(0, 4).Select(f => Task.Run(async () =>
        {
            while (!arriving.IsCancellationRequested)
            {
                await recorder.FoldAsync(waitForOthers: f == 0, CancellationToken.None);
            }
        })).ToList();
        await Task.WhenAll(reports);
        await arriving.CancelAsync();
        await Task.WhenAll(folds);
        await recorder.FoldAsync(waitForOthers: true, CancellationToken.None);

        var license = await s.GetAsync($"/api/v1/licenses/{id}");
        Assert.Equal(80, license.GetProperty("validationCount").GetInt64());
        Assert.Equal(80, await s.Database.ScalarAsync<long>($"SELECT sum(count)::bigint FROM usage_records WHERE license_id = '{id}'"));
        Assert.Equal(0, await s.Database.ScalarAsync<long>("SELECT count(*) FROM usage_records WHERE license_id = 'lic_unknown'"));
        Assert.Equal(0, await s.Database.ScalarAsync<long>("SELECT count(*) FROM usage_batches"));
    }

    [Fact]
    public async Task UsageBatchesCountValidationsAndTheUsageRouteShowsThem()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var license = await s.CreateLicenseAsync();
        var id = license.GetProperty("id").GetString()!;
        var now = DateTimeOffset.UtcNow;
        var batch = new RecordUsageRequest();
        batch.Records.Add(new UsageRecord { LicenseId = id, OccurredAt = Timestamp.FromDateTimeOffset(now.AddSeconds(-2)), Result = "valid", Domain = "a.example", Count = 5 });
        batch.Records.Add(new UsageRecord { LicenseId = id, OccurredAt = Timestamp.FromDateTimeOffset(now.AddSeconds(-1)), Result = "LICENSE_SUSPENDED", Fingerprint = "m1" });
        batch.Records.Add(new UsageRecord { LicenseId = "lic_gone", OccurredAt = Timestamp.FromDateTimeOffset(now), Result = "valid", Count = 1 });

        var recorded = await s.Licensing.RecordUsageAsync(batch);
        var usage = await s.GetAsync($"/api/v1/licenses/{id}/usage");
        var after = await s.GetAsync($"/api/v1/licenses/{id}");

        Assert.Equal(3, recorded.Recorded); // accepted; lic_gone's record is dropped when folded, as the counts show
        Assert.Equal(6, usage.GetProperty("validationCount").GetInt64());
        Assert.Equal(6, after.GetProperty("validationCount").GetInt64());
        var today = usage.GetProperty("daily").EnumerateArray().Single();
        Assert.Equal((6, 1), (today.GetProperty("validations").GetInt64(), today.GetProperty("failures").GetInt64()));
        var recent = usage.GetProperty("recent");
        Assert.Equal(("LICENSE_SUSPENDED", "m1"), (recent[0].GetProperty("result").GetString(), recent[0].GetProperty("machine").GetString()));
        Assert.Equal(("valid", "a.example", 5), (recent[1].GetProperty("result").GetString(), recent[1].GetProperty("domain").GetString(), recent[1].GetProperty("count").GetInt32()));
        Assert.Equal(now.AddSeconds(-1).ToUnixTimeMilliseconds(), after.GetProperty("lastValidatedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await s.Client.GetAsync($"/api/v1/licenses/{id}/usage?days=0")).StatusCode);
    }

    [Fact]
    public async Task ARecordWithANulIsNeverAllowedToFailItsBatch()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var id = (await s.CreateLicenseAsync()).GetProperty("id").GetString()!;
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var batch = new RecordUsageRequest();
        batch.Records.Add(new UsageRecord { LicenseId = id, OccurredAt = now, Result = "valid", Fingerprint = "a\0b", Domain = "x\0.example", Count = 2 });
        batch.Records.Add(new UsageRecord { LicenseId = id + "\0", OccurredAt = now, Result = "valid", Count = 5 });
        batch.Records.Add(new UsageRecord { LicenseId = id, OccurredAt = now, Result = "valid", Fingerprint = new string('m', 255) + "\ud83d\ude00", Count = 1 });

        var recorded = await s.Licensing.RecordUsageAsync(batch);
        var usage = await s.GetAsync($"/api/v1/licenses/{id}/usage");

        Assert.Equal(2, recorded.Recorded);
        Assert.Equal(3, usage.GetProperty("validationCount").GetInt64());
        var machines = usage.GetProperty("recent").EnumerateArray().Select(r => r.GetProperty("machine").GetString()).ToList();
        Assert.Contains("a\ufffdb", machines);
        Assert.Contains(new string('m', 255), machines);
    }

    [Fact]
    public async Task AUsageReportSentAgainWithItsIdIsCountedOnce()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var id = (await s.CreateLicenseAsync()).GetProperty("id").GetString()!;
        RecordUsageRequest Report(string reportId)
        {
            var report = new RecordUsageRequest { ReportId = reportId };
            report.Records.Add(new UsageRecord { LicenseId = id, OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Result = "valid", Count = 4 });
            return report;
        }

        // The first answer was lost: the sender sends the same report again, once before a fold and once after.
        await s.Licensing.RecordUsageAsync(Report("r-1"));
        var again = await s.Licensing.RecordUsageAsync(Report("r-1"));
        await s.GetAsync($"/api/v1/licenses/{id}/usage");
        await s.Licensing.RecordUsageAsync(Report("r-1"));
        await s.Licensing.RecordUsageAsync(Report("r-2"));
        await s.Licensing.RecordUsageAsync(Report(""));

        Assert.Equal(1, again.Recorded);
        Assert.Equal(12, (await s.GetAsync($"/api/v1/licenses/{id}/usage")).GetProperty("validationCount").GetInt64());
        var refused = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await s.Licensing.RecordUsageAsync(Report(new string('r', 65))));
        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
    }
}
