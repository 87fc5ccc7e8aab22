namespace Platform.EndToEnd.Tests;

/// <summary>
/// A <see cref="WebhookSink"/>'s endpoint in a tenant, deleted when disposed: a test that fails leaves no endpoint behind
/// to have the later tests' events sent to a receiver that has gone.
/// </summary>
internal sealed class WebhookSubscription(HttpClient api, string id, string secret) : IAsyncDisposable
{
    public string Id { get; } = id;

    /// <summary>The endpoint's signing secret.</summary>
    public string Secret { get; } = secret;

    public async ValueTask DisposeAsync()
    {
        // Not asserted: a failure here would hide the test's own.
        using var deleted = await api.DeleteAsync($"/api/v1/webhooks/{Id}");
    }
}
