using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// API keys resolved through Licensing, kept for <see cref="GatewayOptions.ApiKeyCacheDuration"/> under the SHA-256
/// digest of the secret (the secret itself is never a key or a log line). Concurrent requests with the same new key
/// share one lookup. <see cref="Revoke"/> drops a key at once and keeps refusing it while a lookup that began before
/// the revocation could still answer.
/// </summary>
internal sealed class ApiKeyCache(LicensingClient licensing, IdentitySecret secret, IOptions<GatewayOptions> options, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<ApiKeyDigest, Entry> entries = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> revoked = new(StringComparer.Ordinal);

    /// <summary>The key's resolution, or null when Licensing does not know it or it was revoked.</summary>
    /// <exception cref="LicensingUnavailableException">Licensing could not answer.</exception>
    /// <remarks><paramref name="digest"/> is the key's <see cref="ApiKeyDigest"/>, worked out by the caller (once per connection).</remarks>
    public async ValueTask<ResolvedApiKey?> ResolveAsync(string apiKey, ApiKeyDigest digest)
    {
        var now = time.GetUtcNow();
        if (!entries.TryGetValue(digest, out var entry) || entry.ExpiresAt <= now)
        {
            var fresh = new Entry(LookUpAsync(apiKey), now + options.Value.ApiKeyCacheDuration);
            entry = entry is null ? entries.GetOrAdd(digest, fresh) : entries.AddOrUpdate(digest, fresh, (_, old) => old.ExpiresAt <= now ? fresh : old);
            Sweep(now);
        }

        ResolvedApiKey? key;
        try
        {
            key = await entry.Resolution;
        }
        catch (LicensingUnavailableException)
        {
            entries.TryRemove(new KeyValuePair<ApiKeyDigest, Entry>(digest, entry));
            throw;
        }

        if (key is null)
        {
            // Unknown keys are not remembered: a key created a moment later must work at once.
            entries.TryRemove(new KeyValuePair<ApiKeyDigest, Entry>(digest, entry));
            return null;
        }

        return revoked.ContainsKey(key.Identity.KeyId) ? null : key;
    }

    /// <summary>Forgets every cached resolution of the key (an <c>api_key.revoked</c> event arrived).</summary>
    public void Revoke(string keyId)
    {
        var now = time.GetUtcNow();
        revoked[keyId] = now;
        foreach (var (digest, entry) in entries)
        {
            if (entry.Resolution.IsCompletedSuccessfully && entry.Resolution.Result?.Identity.KeyId == keyId)
            {
                entries.TryRemove(new KeyValuePair<ApiKeyDigest, Entry>(digest, entry));
            }
        }

        // A revoked key is refused by Licensing too; remembering it longer than one cache period is not needed.
        foreach (var (id, at) in revoked)
        {
            if (now - at > options.Value.ApiKeyCacheDuration * 2)
            {
                revoked.TryRemove(id, out _);
            }
        }
    }

    private async Task<ResolvedApiKey?> LookUpAsync(string apiKey)
    {
        var answer = await licensing.ResolveApiKeyAsync(apiKey);
        if (answer is null)
        {
            return null;
        }

        var identity = new CallerIdentity(answer.TenantId, answer.Environment, [.. answer.Scopes], answer.KeyId, answer.Plan);
        return new ResolvedApiKey(identity, secret.Value, time);
    }

    private void Sweep(DateTimeOffset now)
    {
        if (entries.Count <= SweepAbove)
        {
            return;
        }

        foreach (var (digest, entry) in entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entries.TryRemove(new KeyValuePair<ApiKeyDigest, Entry>(digest, entry));
            }
        }
    }

    private sealed record Entry(Task<ResolvedApiKey?> Resolution, DateTimeOffset ExpiresAt);
}
