using System.Net.Http.Headers;
using System.Net.Http.Json;
using Polly.Timeout;

namespace LicensePlatform.Client;

/// <summary>
/// Sends a call to the platform with the client's credentials and API version, and turns its answer into a value, a
/// <see cref="LicenseApiException"/> (a refusal) or a <see cref="LicensePlatformUnavailableException"/> (nothing usable
/// after the retries of the HTTP pipeline).
/// </summary>
internal sealed class PlatformHttp(Func<HttpClient> http, LicenseClientOptions options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public LicenseClientOptions Options => options;

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var response = await SendAsync(method, path, body is null ? null : JsonContent.Create(body, options: Json), cancellationToken, idempotencyKey);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken,
        string? idempotencyKey = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (options.ApiKey is { Length: > 0 } apiKey)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        request.Headers.Add("X-API-Version", options.ApiVersion);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await http().SendAsync(request, completion, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new LicensePlatformUnavailableException($"The license platform at {options.BaseAddress} could not be reached: {ex.Message}", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await RefusalOfAsync(response, cancellationToken);
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new LicensePlatformUnavailableException($"The platform answered {(int)response.StatusCode} without a body.");
        }
        catch (JsonException ex)
        {
            throw new LicensePlatformUnavailableException($"The platform's answer could not be read: {ex.Message}", ex, response.StatusCode);
        }
    }

    /// <summary>The exception for an answer that is not a success: a refusal for a 4xx (other than 429), unavailable otherwise.</summary>
    public static async Task<Exception> RefusalOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = await ErrorOfAsync(response, cancellationToken);
        var status = response.StatusCode;
        var code = error?.Code ?? $"HTTP_{(int)status}";
        var message = error?.Error ?? $"The platform answered {(int)status} {response.ReasonPhrase}.";
        if ((int)status >= 500 || status == HttpStatusCode.TooManyRequests)
        {
            return new LicensePlatformUnavailableException($"{message} ({code}, after retries)", null, status, code);
        }

        return new LicenseApiException(status, code, message, error?.Help);
    }

    private static async Task<ErrorAnswer?> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErrorAnswer>(Json, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException)
        {
            return null;
        }
    }

    private sealed record ErrorAnswer(string? Error, string? Code, string? Help);
}
