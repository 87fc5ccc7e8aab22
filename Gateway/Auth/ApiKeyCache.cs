using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// API keys resolved through Licensing, kept for <see cref="GatewayOptions.ApiKeyCacheDuration"/> under the SHA-256
/// digest of the secret (the secret itself is never a key or a log line). Concurrent requests with the same new key
/// share one lookup. A key still in use after four fifths of the period is looked up again in the background, one
/// lookup at a time, while its requests go on being answered from the cache: a busy key never waits for Licensing,
/// and no resolution is used longer than the period while Licensing answers. While it cannot be reached, a key it
/// confirmed within <see cref="GatewayOptions.ApiKeyOutageGrace"/> is kept, and Licensing is asked again in the
/// background every few seconds. <see cref="Revoke"/> drops a key at once and keeps refusing it while a lookup that
/// began before the revocation, or a kept resolution, could still answer.
/// </summary>
internal sealed class ApiKeyCache(
    LicensingClient licensing, IdentitySecret secret, IOptions<GatewayOptions> options, TimeProvider time, ILogger<ApiKeyCache> logger)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<ApiKeyDigest, Entry> entries = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> revoked = new(StringComparer.Ordinal);

    /// <summary>The key's resolution, or null when Licensing does not know it or it was revoked.</summary>
    /// <exception cref="LicensingUnavailableException">Licensing could not answer, and the key is not one it confirmed within the grace.</exception>
    /// <remarks><paramref name="digest"/> is the key's <see cref="ApiKeyDigest"/>, worked out by the caller (once per connection).</remarks>
    public async ValueTask<ResolvedApiKey?> ResolveAsync(string apiKey, ApiKeyDigest digest)
    {
        var now = time.GetUtcNow();
        if (!entries.TryGetValue(digest, out var entry) || entry.ExpiresAt <= now)
        {
            // The lookup starts when the entry is first awaited, so only the entry that is stored asks Licensing.
            var fresh = Entry.LookUp(() => LookUpAsync(apiKey), now, options.Value, entry);
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
        catch (LicensingUnavailableException ex) when (entry.Fallback is { } fallback && fallback.Until > time.GetUtcNow())
        {
            Keep(digest, entry, fallback, ex);
            key = fallback.Key;
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
            if (entry.Holds(keyId))
            {
                entries.TryRemove(new KeyValuePair<ApiKeyDigest, Entry>(digest, entry));
            }
        }

        // Licensing refuses a revoked key too; it is remembered here as long as a resolution begun before could be kept.
        var remembered = (options.Value.ApiKeyCacheDuration * 2) + options.Value.ApiKeyOutageGrace;
        foreach (var (id, at) in revoked)
        {
            if (now - at > remembered)
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
                entries.TryUpdate(digest, Entry.Resolved(key, startedAt, options.Value), current);
            }
            else
            {
                // Licensing no longer knows the key: its next request is looked up, and refused.
                entries.TryRemove(new KeyValuePair<ApiKeyDigest, Entry>(digest, current));
            }
        }
        catch (LicensingUnavailableException ex) when (current.Vouched() is { } vouched && vouched.Until > time.GetUtcNow())
        {
            Keep(digest, current, vouched, ex);
        }
        catch (LicensingUnavailableException)
        {
            // Past the grace: the entry answers until it expires; after that a request asks Licensing itself.
        }
    }

    /// <summary>Replaces <paramref name="current"/> by the resolution Licensing last confirmed, to be asked again shortly.</summary>
    private void Keep(ApiKeyDigest digest, Entry current, Vouched vouched, LicensingUnavailableException ex)
    {
        if (entries.TryUpdate(digest, Entry.Kept(vouched, time.GetUtcNow()), current) && !current.IsKept)
        {
            logger.LogWarning(
                "Licensing cannot be reached ({Reason}); API key {KeyId} is accepted from the cache until {Until:O}",
                ex.InnerException?.Message, vouched.Key.Identity.KeyId, vouched.Until);
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

    /// <summary>A resolution and the time until which it may be used while Licensing cannot be reached.</summary>
    private sealed record Vouched(ResolvedApiKey Key, DateTimeOffset Until);

    /// <summary>One resolution of a key (compared by reference, so that an entry replaced meanwhile is left alone).</summary>
    private sealed class Entry
    {
        /// <summary>How often a kept resolution asks Licensing again.</summary>
        private static readonly TimeSpan RetryKeptAfter = TimeSpan.FromSeconds(5);

        private readonly Lazy<Task<ResolvedApiKey?>> resolution;
        private readonly DateTimeOffset vouchedUntil;
        private int refreshing;

        private Entry(Func<Task<ResolvedApiKey?>> lookUp, DateTimeOffset refreshAt, DateTimeOffset expiresAt, DateTimeOffset vouchedUntil, Vouched? fallback, bool kept)
        {
            resolution = new Lazy<Task<ResolvedApiKey?>>(lookUp);
            RefreshAt = refreshAt;
            ExpiresAt = expiresAt;
            this.vouchedUntil = vouchedUntil;
            Fallback = fallback;
            IsKept = kept;
        }

        public Task<ResolvedApiKey?> Resolution => resolution.Value;

        public DateTimeOffset ExpiresAt { get; }

        /// <summary>From when a request renews the entry in the background: four fifths of the way to its expiry.</summary>
        public DateTimeOffset RefreshAt { get; }

        /// <summary>What the expired entry this lookup replaces had resolved, to keep if Licensing cannot be reached.</summary>
        public Vouched? Fallback { get; }

        /// <summary>Whether this is a resolution kept while Licensing could not be reached.</summary>
        public bool IsKept { get; }

        /// <summary>A lookup starting at <paramref name="now"/>, replacing <paramref name="expired"/> (if any).</summary>
        public static Entry LookUp(Func<Task<ResolvedApiKey?>> lookUp, DateTimeOffset now, GatewayOptions options, Entry? expired) =>
            new(lookUp, now + (options.ApiKeyCacheDuration * 0.8), now + options.ApiKeyCacheDuration, now + options.ApiKeyOutageGrace,
                expired?.Vouched() is { } vouched && vouched.Until > now ? vouched : null, kept: false);

        /// <summary>A resolution Licensing gave for a lookup that began at <paramref name="askedAt"/>.</summary>
        public static Entry Resolved(ResolvedApiKey key, DateTimeOffset askedAt, GatewayOptions options) =>
            new(() => Task.FromResult<ResolvedApiKey?>(key), askedAt + (options.ApiKeyCacheDuration * 0.8), askedAt + options.ApiKeyCacheDuration,
                askedAt + options.ApiKeyOutageGrace, null, kept: false);

        /// <summary>A resolution kept until the grace ends, renewed in the background every few seconds meanwhile.</summary>
        public static Entry Kept(Vouched vouched, DateTimeOffset now) =>
            new(() => Task.FromResult<ResolvedApiKey?>(vouched.Key), Min(now + RetryKeptAfter, vouched.Until), vouched.Until, vouched.Until, null, kept: true);

        /// <summary>The entry's resolution with the end of its grace; null while it is not resolved to a key.</summary>
        public Vouched? Vouched() =>
            resolution.IsValueCreated && resolution.Value.IsCompletedSuccessfully && resolution.Value.Result is { } key ? new Vouched(key, vouchedUntil) : null;

        /// <summary>True for the one caller that is to renew a resolved entry.</summary>
        public bool TryStartRefresh() => Vouched() is not null && Interlocked.Exchange(ref refreshing, 1) == 0;

        /// <summary>Whether the entry holds, or would keep, a resolution of the key <paramref name="keyId"/> (without starting a lookup).</summary>
        public bool Holds(string keyId) => Vouched()?.Key.Identity.KeyId == keyId || Fallback?.Key.Identity.KeyId == keyId;

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
