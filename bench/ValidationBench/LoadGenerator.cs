using System.Diagnostics;
using System.Net.Http.Json;

namespace Platform.Bench.Validation;

/// <summary>
/// A closed-loop load generator standing in for wrk where wrk is not installed: N connections each sending
/// <c>POST /api/v1/validate</c> with a key from the file (random, or each key once in order for the cold path).
/// Prints the same three figures the script reads from wrk.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<int> RunAsync(Uri url, string file, int connections, int seconds, bool sequential)
    {
        var keys = await File.ReadAllLinesAsync(file);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false }) { BaseAddress = url };
        var next = -1;
        var stop = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        var latencies = new List<double>[connections];
        long errors = 0;
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(1 << 16);
            while (stop.Elapsed < duration)
            {
                var index = sequential ? Interlocked.Increment(ref next) : Random.Shared.Next(keys.Length);
                if (index >= keys.Length)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/api/v1/validate", new { key = keys[index] });
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        Console.WriteLine($"requests/s {all.Length / elapsed:F0} p50_ms {Percentile(0.50):F2} p99_ms {Percentile(0.99):F2} requests {all.Length} errors {errors}");
        return 0;
    }
}
