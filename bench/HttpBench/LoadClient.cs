using System.Diagnostics;
using System.Net.Http.Headers;

namespace Platform.Bench.Http;

/// <summary>N connections in a closed loop (one request in flight each) for a fixed time after a 3 s warm-up; prints requests/s and latency percentiles.</summary>
internal static class LoadClient
{
    private static readonly byte[] Body = """{"key":"TO-A3F2-B891-C4D7-E052","machine_id":"bench-machine","domain":"bench.example.com"}"""u8.ToArray();

    public static async Task<int> RunAsync(Uri url, int connections, int seconds, string? bearer)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false });
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        await RunPhaseAsync(client, url, connections, TimeSpan.FromSeconds(3));
        var (count, errors, latencies, elapsed) = await RunPhaseAsync(client, url, connections, TimeSpan.FromSeconds(seconds));
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, p * latencies.Count)] * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine($"requests: {count} in {elapsed.TotalSeconds:F1} s; non-2xx: {errors}");
        Console.WriteLine($"requests/s: {count / elapsed.TotalSeconds:F0}");
        Console.WriteLine($"p50: {Percentile(0.50):F2} ms  p90: {Percentile(0.90):F2} ms  p99: {Percentile(0.99):F2} ms  max: {Percentile(1):F2} ms");
        return 0;
    }

    private static async Task<(long Count, long Errors, List<long> Latencies, TimeSpan Elapsed)> RunPhaseAsync(HttpClient client, Uri url, int connections, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.StartNew();
        var perConnection = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(100_000);
            var errors = 0L;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var begin = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetTimestamp() - begin);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        })));
        var elapsed = started.Elapsed;
        var all = perConnection.SelectMany(p => p.latencies).ToList();
        return (all.Count, perConnection.Sum(p => p.errors), all, elapsed);
    }
}
