namespace Platform.Fuzz.Tests.Platform;

/// <summary>
/// How the fuzz tests send: a request never answered is a finding, named with its input, not an error that ends the
/// run; one answered slowly on a loaded CI machine (once over 10 s there) is neither.
/// </summary>
internal static class FuzzClient
{
    /// <summary>How long a fuzz request may take before it counts as never answered.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The answer, or null when none came (the connection failed, or no answer within the client's timeout).</summary>
    public static async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpRequestMessage message)
    {
        try
        {
            return await client.SendAsync(message);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
