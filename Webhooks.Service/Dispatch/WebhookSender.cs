using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// POSTs one delivery: signed, within the timeout, never following a redirect, reading at most
/// <see cref="WebhookOptions.MaxResponseBytes"/> of the answer. Connections go through
/// <see cref="AddressPolicy.ConnectFor"/> of the endpoint's environment, never through a proxy.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string SignatureHeader = "X-TO-Signature";
    public const string TimestampHeader = "X-TO-Timestamp";
    public const string EventHeader = "X-TO-Event";
    public const string EventIdHeader = "X-TO-Event-ID";
    public const string DeliveryIdHeader = "X-TO-Delivery-ID";
    private const int StoredBodyChars = 1024;

    private readonly HttpClient liveClient;
    private readonly HttpClient testClient;
    private readonly WebhookOptions options;

    public WebhookSender(AddressPolicy addresses, IOptions<WebhookOptions> options)
    {
        this.options = options.Value;
        // One client per environment, so a connection opened for a test endpoint is never pooled for a live one.
        liveClient = CreateClient(addresses.ConnectFor("live"));
        testClient = CreateClient(addresses.ConnectFor(AddressPolicy.TestEnvironment));
    }

    public async Task<AttemptOutcome> SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, work.Url)
        {
            Content = new StringContent(work.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SignatureHeader, WebhookSignature.Header(work.Secrets, timestamp, work.Payload));
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(EventHeader, work.EventType);
        request.Headers.Add(EventIdHeader, work.EventId.ToString());
        request.Headers.Add(DeliveryIdHeader, work.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        var clock = Stopwatch.StartNew();
        try
        {
            var client = work.Environment == AddressPolicy.TestEnvironment ? testClient : liveClient;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadCappedAsync(response.Content, timeout.Token);
            return new AttemptOutcome((int)response.StatusCode, Elapsed(clock), null, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, Elapsed(clock), $"No answer within {options.RequestTimeout.TotalSeconds:0.#} s.", null);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptOutcome(null, Elapsed(clock), ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message, null);
        }
    }

    private async Task<string?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[options.MaxResponseBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return text.Length > StoredBodyChars ? text[..StoredBodyChars] : text;
        }
        catch (IOException)
        {
            // The status already decides the outcome; a body cut short only loses the excerpt.
            return null;
        }
    }

    private static int Elapsed(Stopwatch clock) => (int)Math.Min(int.MaxValue, clock.ElapsedMilliseconds);

    public void Dispose()
    {
        liveClient.Dispose();
        testClient.Dispose();
    }

    private HttpClient CreateClient(Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> connect)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = connect,
            ConnectTimeout = options.RequestTimeout,
            // Re-resolve (and so re-check) names regularly instead of holding a connection forever.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
            MaxConnectionsPerServer = 64,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Platform-Webhooks", "1.0"));
        return client;
    }
}
