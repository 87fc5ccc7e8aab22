using System.Diagnostics;
using Google.Protobuf;
using Platform.Bench.Grpc.Messages;
using Grpc.Net.Client;

namespace Platform.Bench.Grpc;

/// <summary>N callers in a closed loop for a fixed time after a warm-up; prints calls/s and latency percentiles.</summary>
internal static class BenchClient
{
    /// <summary>
    /// Long enough on two cores for tiered compilation to finish (the JIT competes for the same cores), so the
    /// measured phase is the steady state; <c>BENCH_WARMUP_SECONDS</c> overrides it.
    /// </summary>
    public static readonly TimeSpan Warmup = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP_SECONDS"), out var seconds) ? seconds : 8);

    public static async Task<int> RunAsync(int port, int callers, int seconds, bool raw = false)
    {
        if (raw)
        {
            return await RunRawAsync(port, callers, seconds);
        }

        using var channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{port}"), new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        var client = new Messages.Bench.BenchClient(channel);
        // About 200 bytes on the wire, like a license snapshot.
        var request = new Payload { Key = "TO-A3F2-B891-C4D7-E052", Data = ByteString.CopyFrom(new byte[170]) };
        Console.WriteLine($"message size: {request.CalculateSize()} bytes; {callers} callers; {seconds} s after a {Warmup.TotalSeconds:0} s warm-up");

        Func<Task> call = () => client.CallAsync(request).ResponseAsync;
        await RunPhaseAsync(call, callers, Warmup);
        Report(await RunPhaseAsync(call, callers, TimeSpan.FromSeconds(seconds)));
        return 0;
    }

    /// <summary>The baseline: a plain HTTP/2 POST of the same bytes on the same kind of handler.</summary>
    private static async Task<int> RunRawAsync(int port, int callers, int seconds)
    {
        using var client = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
        {
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var uri = new Uri($"http://127.0.0.1:{port}/raw");
        var body = new byte[197];

        Console.WriteLine($"baseline: plain HTTP/2 POST of {body.Length} bytes; {callers} callers; {seconds} s after a {Warmup.TotalSeconds:0} s warm-up");
        Func<Task> call = async () =>
        {
            using var response = await client.PostAsync(uri, new ByteArrayContent(body));
            await response.Content.ReadAsByteArrayAsync();
        };
        await RunPhaseAsync(call, callers, Warmup);
        Report(await RunPhaseAsync(call, callers, TimeSpan.FromSeconds(seconds)));
        return 0;
    }

    internal static void Report((long Count, List<long> Latencies, TimeSpan Elapsed) run)
    {
        var (count, latencies, elapsed) = run;

        latencies.Sort();
        double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, p * latencies.Count)] * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine($"calls: {count} in {elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"calls/s: {count / elapsed.TotalSeconds:F0}");
        Console.WriteLine($"p50: {Percentile(0.50):F2} ms  p90: {Percentile(0.90):F2} ms  p99: {Percentile(0.99):F2} ms  max: {Percentile(1):F2} ms");
    }

    internal static async Task<(long Count, List<long> Latencies, TimeSpan Elapsed)> RunPhaseAsync(Func<Task> call, int callers, TimeSpan duration)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gcBefore = GC.CollectionCount(0);
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.StartNew();
        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(100_000);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var begin = Stopwatch.GetTimestamp();
                await call();
                latencies.Add(Stopwatch.GetTimestamp() - begin);
            }

            return latencies;
        })));
        var all = perCaller.SelectMany(l => l).ToList();
        Console.WriteLine($"client: {(GC.GetTotalAllocatedBytes() - allocatedBefore) / Math.Max(1, all.Count)} bytes allocated per call, {GC.CollectionCount(0) - gcBefore} gen0 collections");
        return (all.Count, all, started.Elapsed);
    }
}
