using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>One answer of the load: when it came and its status (0 when the request failed without one).</summary>
internal sealed record LoadAnswer(DateTime At, int Status, string? IdempotencyKey = null, string? LicenseId = null);

/// <summary>
/// Load through the Gateway while faults are injected: validators that validate one license (already in Validation's
/// cache) every 10 ms each (a few hundred a second in all, within the development key's 50,000 a minute), and a writer that creates a license of the product every 100 ms, each with its own
/// Idempotency-Key so that an answer lost to a fault can be asked for again.
/// </summary>
internal sealed class FaultLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient api;
    private readonly List<Task> workers = [];

    private FaultLoad(HttpClient api) => this.api = api;

    public ConcurrentQueue<LoadAnswer> Validations { get; } = new();

    public ConcurrentQueue<LoadAnswer> Writes { get; } = new();

    public static FaultLoad Start(HttpClient api, string licenseKey, string productId, int validators)
    {
        var load = new FaultLoad(api);
        for (var i = 0; i < validators; i++)
        {
            load.workers.Add(Task.Run(() => load.ValidateAsync(licenseKey)));
        }

        load.workers.Add(Task.Run(() => load.WriteAsync(productId)));
        return load;
    }

    /// <summary>The answers that came between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static IReadOnlyList<LoadAnswer> Between(IEnumerable<LoadAnswer> answers, DateTime from, DateTime to) =>
        [.. answers.Where(a => a.At >= from && a.At <= to)];

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task ValidateAsync(string licenseKey)
    {
        while (!stop.IsCancellationRequested)
        {
            Validations.Enqueue(new LoadAnswer(DateTime.UtcNow, await StatusOfAsync(() =>
                api.PostAsJsonAsync("/api/v1/validate", new { license_key = licenseKey, machine_id = "fault-load" }))));
            await Task.Delay(10);
        }
    }

    private async Task WriteAsync(string productId)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(100);
            var key = Guid.NewGuid().ToString("N");
            var (status, licenseId) = await CreateLicenseAsync(api, productId, key);
            Writes.Enqueue(new LoadAnswer(DateTime.UtcNow, status, key, licenseId));
        }
    }

    /// <summary>Creates a license of the product with the Idempotency-Key; the same key again answers the same license.</summary>
    public static async Task<(int Status, string? LicenseId)> CreateLicenseAsync(HttpClient api, string productId, string idempotencyKey)
    {
        try
        {
            using var request = PlatformApi.LicenseRequest(productId, idempotencyKey: idempotencyKey);
            using var response = await api.SendAsync(request);
            var id = response.IsSuccessStatusCode ? (await PlatformApi.LicenseOfAsync(response)).GetProperty("id").GetString() : null;
            return ((int)response.StatusCode, id);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, null);
        }
    }

    private static async Task<int> StatusOfAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            using var response = await send();
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
