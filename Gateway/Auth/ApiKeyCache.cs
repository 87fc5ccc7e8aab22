using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// API keys resolved through Licensing, kept for <see cref="GatewayOptions.ApiKeyCacheDuration"/> under the SHA-256
/// digest of the secret (the secret itself is never a key or a log line). Concurrent requests with the same new key
/// share one lookup. A key still in use after four fifths of the period is looked up again in the background, one
/// lookup at a time, while its requests go on being answered from the cache: a busy key never waits for Licensing,
/// and no resolution is used longer than the period. <see cref="Revoke"/> drops a key at once and keeps refusing it
/// while a lookup that began before the revocation could still answer.
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
            // The lookup starts when the entry is first awaited, so only the entry that is stored asks Licensing.
            var fresh = new Entry(() => LookUpAsync(apiKey), now, options.Value.ApiKeyCacheDuration);
            entry = entry is null ? entries.GetOrAdd(digest, fresh) : entries.AddOrUpdate(digest, fresh, (_, old) => old.ExpiresAt <= now ? fresh : old);
            Sweep(now);
        }
        else if (entry.RefreshAt <= now && entry.TryStartRefresh())
        {
            _ = RefreshAsync(digest, entry, apiKey);
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
            if (entry.ResolvedTo(keyId))
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

    /// <summary>Looks the key up again ahead of its entry's expiry; the entry keeps answering meanwhile.</summary>
    private async Task RefreshAsync(ApiKeyDigest digest, Entry current, string apiKey)
    {
        var startedAt = time.GetUtcNow();
        try
        {
            if (await LookUpAsync(apiKey) is { } key)
            {
                // Not if the entry went meanwhile (revoked, or replaced): then the answer is not needed.
                entries.TryUpdate(digest, new Entry(() => Task.FromResult<ResolvedApiKey?>(key), startedAt, options.Value.ApiKeyCacheDuration), current);
            }
            else
            {
                // Licensing no longer knows the key: its next request is looked up, and refused.
                entries.TryRemove(new KeyValuePair<ApiKeyDigest, Entry>(digest, current));
            }
        }
        catch (LicensingUnavailableException)
        {
            // The entry answers until it expires; after that a request asks Licensing itself.
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

    /// <summary>One resolution of a key (compared by reference, so that an entry replaced meanwhile is left alone).</summary>
    private sealed class Entry(Func<Task<ResolvedApiKey?>> lookUp, DateTimeOffset resolvedAt, TimeSpan duration)
    {
        private readonly Lazy<Task<ResolvedApiKey?>> resolution = new(lookUp);
        private int refreshing;

        public Task<ResolvedApiKey?> Resolution => resolution.Value;

        public DateTimeOffset ExpiresAt { get; } = resolvedAt + duration;

        /// <summary>From when a request renews the entry in the background: four fifths of the way to its expiry.</summary>
        public DateTimeOffset RefreshAt { get; } = resolvedAt + (duration * 0.8);

        /// <summary>True for the one caller that is to renew a resolved entry.</summary>
        public bool TryStartRefresh() =>
            resolution.IsValueCreated && resolution.Value.IsCompletedSuccessfully && resolution.Value.Result is not null
            && Interlocked.Exchange(ref refreshing, 1) == 0;

        /// <summary>Whether the entry holds a resolution of the key <paramref name="keyId"/> (without starting a lookup).</summary>
        public bool ResolvedTo(string keyId) =>
            resolution.IsValueCreated && resolution.Value.IsCompletedSuccessfully && resolution.Value.Result?.Identity.KeyId == keyId;
    }
}
