using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Faults;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Faults under load through the Gateway, one after the other: Licensing killed, Postgres killed, RabbitMQ frozen.
/// Cached validations keep answering, writes answer 503 while their store is down, the platform is whole again within
/// 15 s of each fault (the AppHost restarts what died), and afterwards nothing is lost or doubled: every license the
/// writer created exists once and reached the vendor's receiver as exactly one webhook, and Licensing counted exactly
/// the validations that were answered.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FaultTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan BrokerFrozenFor = TimeSpan.FromSeconds(8);

    private sealed record Fault(string Name, DateTime From, DateTime To, TimeSpan Recovery, RecoveryClock Steps);

    [Fact]
    public async Task UnderLoadLicensingKilledPostgresKilledAndRabbitMqFrozenLoseNothing()
    {
        var processes = new PlatformProcesses(platform.App);
        await using var sink = await WebhookSink.StartAsync();
        using var api = platform.Gateway("testKey");
        await using var subscription = await sink.SubscribeAsync(api, "license.created");
        var validated = await api.CreateLicenseAsync(await api.CreateProductAsync("Faults: validated"));
        var productId = await api.CreateProductAsync("Faults: written");
        var probes = new List<string>();

        using var loadClient = platform.Gateway("testKey");
        Assert.True((await loadClient.PostAsJsonAsync("/api/v1/validate", new { license_key = validated.GetProperty("key").GetString() })).IsSuccessStatusCode);
        var load = FaultLoad.Start(loadClient, validated.GetProperty("key").GetString()!, productId, validators: 4);
        var faults = new List<Fault>();
        int? frozenBroker = null;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            faults.Add(await InjectAsync("Licensing killed", async (steps, deadline) =>
            {
                var run = processes.PidOf("licensing");
                PlatformProcesses.Signal(PlatformProcesses.ChildOf(run), "KILL");
                await processes.WaitUntilRestartedAsync("licensing", run, steps, deadline);
                probes.Add(await WriteOnceAsync(api, productId, deadline));
                steps.Mark("written");
            }));
            await Task.Delay(TimeSpan.FromSeconds(2));
            faults.Add(await InjectAsync("Postgres killed", async (steps, deadline) =>
            {
                var postgres = processes.PidOf("postgres");
                PlatformProcesses.Signal(postgres, "KILL");
                await processes.WaitUntilRestartedAsync("postgres", postgres, steps, deadline);
                probes.Add(await WriteOnceAsync(api, productId, deadline));
                steps.Mark("written");
            }));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var broker = PlatformProcesses.ChildOf(processes.PidOf("eventbus"));
            Assert.Equal("beam.smp", PlatformProcesses.NameOf(broker)); // RabbitMQ's Erlang VM, not some other process
            PlatformProcesses.Signal(broker, "STOP");
            frozenBroker = broker;
            Assert.True(await PlatformProcesses.StopsWithinAsync(broker, TimeSpan.FromSeconds(2)), "RabbitMQ's VM did not stop"); // it answers nothing
            var frozenAt = DateTime.UtcNow;
            await Task.Delay(BrokerFrozenFor);
            faults.Add(await InjectAsync("RabbitMQ frozen", async (steps, deadline) =>
            {
                // Whole again: events flow once more, so a license created now reaches the receiver.
                PlatformProcesses.Signal(broker, "CONT");
                frozenBroker = null;
                var probe = await WriteOnceAsync(api, productId, deadline);
                steps.Mark("written");
                probes.Add(probe);
                while (!sink.Deliveries.Any(d => d.LicenseId == probe))
                {
                    await Task.Delay(100, deadline);
                }
            }, frozenAt));
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            // A failure while the broker is frozen must not leave it frozen for the tests that share the platform.
            if (frozenBroker is { } stillFrozen)
            {
                PlatformProcesses.Signal(stillFrozen, "CONT");
            }

            await load.DisposeAsync();
        }

        // Writes whose answer was not 201 are asked again with their Idempotency-Key: the license they made, or a new one.
        var created = load.Writes.Where(w => w.Status == 201).Select(w => w.LicenseId!).Concat(probes).ToList();
        foreach (var write in load.Writes.Where(w => w.Status != 201))
        {
            var (status, id) = await FaultLoad.CreateLicenseAsync(api, productId, write.IdempotencyKey!);
            Assert.Equal(201, status);
            created.Add(id!);
        }

        Report(faults, load);
        Assert.All(faults, fault => Assert.True(fault.Recovery <= RecoveryLimit, $"{fault.Name}: whole again after {fault.Recovery.TotalSeconds:0.0} s ({fault.Steps})"));
        AssertAnswersDuringFaults(faults, load);
        Assert.Equal(created.Order(), (await LicensesOfAsync(api, productId)).Order());
        await AssertEachDeliveredOnceAsync(sink, created);
        await AssertEachDeliveryRecordedAtItsFirstAttemptAsync(api, subscription.Id);
        await AssertUsageCountedExactlyAsync(api, validated.GetProperty("id").GetString()!, load.Validations.Count(v => v.Status == 200));
    }

    /// <summary>Runs <paramref name="fault"/> (which injects the fault and waits for the platform to recover) and times the recovery.</summary>
    private async Task<Fault> InjectAsync(string name, Func<RecoveryClock, CancellationToken, Task> fault, DateTime? from = null)
    {
        var start = from ?? DateTime.UtcNow;
        var steps = new RecoveryClock();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await fault(steps, deadline.Token);
            await PlatformFixture.WaitUntilHealthyAsync(platform.App, deadline.Token);
            steps.Mark("all healthy");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"{name}: the platform was not whole again within a minute");
        }

        return new Fault(name, start, DateTime.UtcNow, steps.Elapsed, steps);
    }

    /// <summary>Creates licenses until one is created (the store is back); returns its id.</summary>
    private static async Task<string> WriteOnceAsync(HttpClient api, string productId, CancellationToken deadline)
    {
        while (true)
        {
            var (status, id) = await FaultLoad.CreateLicenseAsync(api, productId, Guid.NewGuid().ToString("N"));
            if (status == 201)
            {
                return id!;
            }

            await Task.Delay(100, deadline);
        }
    }

    private static void AssertAnswersDuringFaults(List<Fault> faults, FaultLoad load)
    {
        Assert.All(load.Validations, v => Assert.True(v.Status == 200, $"a cached validation answered {v.Status} at {v.At:HH:mm:ss.fff}"));
        var licensingDown = faults.Single(f => f.Name.StartsWith("Licensing", StringComparison.Ordinal));
        // A write that Licensing was handling when it was killed gets 502 (the service answered badly); every other
        // write made while its store is down gets 503.
        var cutOff = FaultLoad.Between(load.Writes, licensingDown.From, licensingDown.To).Where(w => w.Status == 502).ToList();
        Assert.True(cutOff.Count <= 2, $"{cutOff.Count} writes answered 502 while Licensing was down");
        Assert.All(load.Writes.Except(cutOff), w => Assert.True(w.Status is 201 or 503, $"a write answered {w.Status} at {w.At:HH:mm:ss.fff}"));
        foreach (var fault in faults)
        {
            Assert.NotEmpty(FaultLoad.Between(load.Validations, fault.From, fault.To));
            var writes = FaultLoad.Between(load.Writes, fault.From, fault.To);
            // The broker is not the writes' store: they go on (the outbox keeps their events).
            Assert.Contains(writes, w => w.Status == (fault.Name.StartsWith("RabbitMQ", StringComparison.Ordinal) ? 201 : 503));
        }
    }

    private static async Task AssertEachDeliveredOnceAsync(WebhookSink sink, List<string> created)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); created.Except(sink.Deliveries.Select(d => d.LicenseId).OfType<string>()).Any() && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // long enough for a duplicate to show up behind the last delivery
        var ours = sink.Deliveries.Where(d => d.LicenseId is { } id && created.Contains(id)).ToList();
        Assert.Empty(created.Except(ours.Select(d => d.LicenseId).OfType<string>()));
        Assert.Empty(ours.GroupBy(d => d.LicenseId).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(ours.Count, ours.Select(d => d.EventId).Distinct().Count());
    }

    /// <summary>
    /// A delivery sent whose outcome was not recorded would be sent again only when its claim's lease ends, a minute
    /// later: so every delivery must already be recorded as delivered at its first attempt.
    /// </summary>
    private static async Task AssertEachDeliveryRecordedAtItsFirstAttemptAsync(HttpClient api, string endpoint)
    {
        for (var page = 1; ; page++)
        {
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{endpoint}/deliveries?limit=100&page={page}");
            Assert.All(answer.GetProperty("data").EnumerateArray(), d => Assert.Equal(("delivered", 1),
                (d.GetProperty("status").GetString(), d.GetProperty("attempts").GetInt32())));
            if (!answer.GetProperty("pagination").GetProperty("hasMore").GetBoolean())
            {
                return;
            }
        }
    }

    private static async Task AssertUsageCountedExactlyAsync(HttpClient api, string licenseId, int answered)
    {
        // The warm-up validation before the load counts too.
        var expected = answered + 1;
        await api.WaitForValidationCountAsync(licenseId, expected);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a report counted twice would show by now
        Assert.Equal(expected, await api.ValidationCountAsync(licenseId));
    }

    private void Report(List<Fault> faults, FaultLoad load)
    {
        foreach (var fault in faults)
        {
            var validations = FaultLoad.Between(load.Validations, fault.From, fault.To);
            var writes = FaultLoad.Between(load.Writes, fault.From, fault.To);
            output.WriteLine($"{fault.Name}: whole again after {fault.Recovery.TotalSeconds:0.0} s ({fault.Steps}); validations {validations.Count(v => v.Status == 200)} of {validations.Count} answered 200; " +
                "writes " + string.Join(", ", writes.GroupBy(w => w.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        }

        output.WriteLine($"in all: {load.Validations.Count} validations, {load.Writes.Count} writes");
    }

    private static async Task<List<string>> LicensesOfAsync(HttpClient api, string productId)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/licenses?product_id={productId}&limit=100&page={page}");
            ids.AddRange(answer.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("id").GetString()!));
            if (!answer.GetProperty("pagination").GetProperty("hasMore").GetBoolean())
            {
                return ids;
            }
        }
    }
}
