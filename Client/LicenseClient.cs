using System.Collections.Concurrent;

namespace LicensePlatform.Client;

/// <summary>
/// What an application calls at run time: validate, activate, deactivate and floating seats. Valid answers are reused for
/// <see cref="LicenseClientOptions.CacheDuration"/>; with <see cref="LicenseClientOptions.OfflineValidation"/> the last
/// valid answer and its signed token are kept on disk and answer while the platform cannot be reached, within the
/// license's offline grace. Thread-safe; make one and share it (<c>AddLicenseClient</c> registers it as a singleton).
/// </summary>
public sealed class LicenseClient : IDisposable
{
    private static readonly HashSet<string> LicenseRefusals =
    [
        ErrorCodes.InvalidKeyFormat, ErrorCodes.LicenseNotFound, ErrorCodes.KeyRotated, ErrorCodes.LicenseSuspended,
        ErrorCodes.LicenseRevoked, ErrorCodes.LicenseExpired, ErrorCodes.ProductMismatch, ErrorCodes.MachineNotActivated,
        ErrorCodes.FeatureNotEntitled, ErrorCodes.DomainMismatch, ErrorCodes.DomainLimitReached,
    ];

    private readonly PlatformHttp http;
    private readonly OfflineStore? store;
    private readonly HttpClient? owned;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Remembered> memory = new(StringComparer.Ordinal);

    /// <summary>A client with its own HTTP connection pool and retries, for apps without dependency injection.</summary>
    public LicenseClient(LicenseClientOptions options)
        : this(options, null, TimeProvider.System)
    {
    }

    internal LicenseClient(LicenseClientOptions options, Func<HttpClient>? httpClient, TimeProvider time)
    {
        options.Validate();
        Options = options;
        this.time = time;
        if (httpClient is null)
        {
            var client = ClientResilience.CreateHttpClient(options);
            owned = client;
            httpClient = () => client;
        }

        http = new PlatformHttp(httpClient, options);
        store = options.OfflineValidation ? new OfflineStore(options.ResolvedCacheDirectory, options.RootAddress) : null;
    }

    /// <summary>The options the client was made with.</summary>
    public LicenseClientOptions Options { get; }

    /// <summary>This machine's id for the configured product (<see cref="MachineFingerprint"/>).</summary>
    public string MachineId => MachineFingerprint.Compute(Options.ProductId);

    /// <summary>Validates a key for the configured product.</summary>
    public Task<LicenseValidation> ValidateAsync(string key, CancellationToken cancellationToken = default) =>
        ValidateAsync(new ValidationQuery { Key = key }, cancellationToken);

    /// <summary>
    /// Validates a key: a valid answer or a refusal with its code. Throws <see cref="LicensePlatformUnavailableException"/>
    /// only when the platform cannot be reached and no answer is kept for offline use, and
    /// <see cref="LicenseApiException"/> for a call the platform will not take (a bad API key, a malformed field).
    /// </summary>
    public async Task<LicenseValidation> ValidateAsync(ValidationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Key);
        var productId = query.ProductId ?? Options.ProductId;
        var question = Question(query, productId);
        var now = time.GetUtcNow();
        if (memory.TryGetValue(question, out var remembered) && now < remembered.Until)
        {
            return remembered.Answer;
        }

        LicenseValidation validation;
        try
        {
            var body = new ValidationRequestBody(query.Key, query.MachineId, query.Domain, productId, query.Features.Count == 0 ? null : query.Features, store is not null);
            validation = (await http.SendAsync<ValidAnswer>(HttpMethod.Post, "api/v1/validate", body, cancellationToken)).ToValidation();
        }
        catch (LicenseApiException ex) when (LicenseRefusals.Contains(ex.Code))
        {
            // Refused now: neither the memory nor the disk may answer otherwise later.
            memory.TryRemove(question, out _);
            store?.DeleteAnswer(question);
            return Refused(ex.Code, ex.Message, ValidationSource.Platform);
        }
        catch (LicensePlatformUnavailableException) when (store?.ReadAnswer(question) is { } kept)
        {
            return AnswerOffline(kept, query, productId, now);
        }

        if (Options.CacheDuration > TimeSpan.Zero && validation.Valid)
        {
            var until = now + Options.CacheDuration;
            memory[question] = new Remembered(validation with { Source = ValidationSource.Memory },
                validation.License?.ExpiresAt is { } expires && expires < until ? expires : until);
        }

        if (store is not null && validation.OfflineToken is { } token)
        {
            await KeepForOfflineAsync(question, validation, token, cancellationToken);
        }

        return validation;
    }

    /// <summary>Activates a machine (this one when <see cref="ActivationRequest.MachineId"/> is not set) on a license; activating it again changes nothing.</summary>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>ACTIVATION_LIMIT_REACHED</c>, <c>LICENSE_SUSPENDED</c>.</exception>
    public async Task<Activation> ActivateAsync(ActivationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        memory.Clear();
        return await http.SendAsync<Activation>(HttpMethod.Post, "api/v1/activate",
            new { request.Key, MachineId = request.MachineId ?? MachineId, request.Name, request.Platform, request.Hostname }, cancellationToken);
    }

    /// <summary>
    /// Frees a machine's activation (this machine's when <paramref name="machineId"/> is null). A retry after a lost answer
    /// can be refused with <c>MACHINE_NOT_FOUND</c>: the machine is deactivated either way.
    /// </summary>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>MACHINE_NOT_FOUND</c>.</exception>
    public async Task<Activation> DeactivateAsync(string key, string? machineId = null, CancellationToken cancellationToken = default)
    {
        memory.Clear();
        return await http.SendAsync<Activation>(HttpMethod.Post, "api/v1/deactivate", new { key, MachineId = machineId ?? MachineId }, cancellationToken);
    }

    /// <summary>Leases a floating seat for a client (this machine when <paramref name="clientId"/> is null); the same client again gets its lease back, renewed.</summary>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>NO_SEATS_AVAILABLE</c>.</exception>
    public Task<SeatLease> CheckoutSeatAsync(string key, string? clientId = null, CancellationToken cancellationToken = default) =>
        http.SendAsync<SeatLease>(HttpMethod.Post, "api/v1/seats/checkout", new { key, ClientId = clientId ?? MachineId }, cancellationToken);

    /// <summary>Renews a seat's lease.</summary>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>LEASE_NOT_FOUND</c> once the lease has lapsed.</exception>
    public Task<SeatLease> HeartbeatSeatAsync(string key, string leaseId, CancellationToken cancellationToken = default) =>
        http.SendAsync<SeatLease>(HttpMethod.Post, "api/v1/seats/heartbeat", new { key, leaseId }, cancellationToken);

    /// <summary>Gives a seat back.</summary>
    public Task<SeatCheckin> CheckinSeatAsync(string key, string leaseId, CancellationToken cancellationToken = default) =>
        http.SendAsync<SeatCheckin>(HttpMethod.Post, "api/v1/seats/checkin", new { key, leaseId }, cancellationToken);

    /// <summary>The platform's public keys for offline tokens.</summary>
    public Task<SigningKeySet> GetSigningKeysAsync(CancellationToken cancellationToken = default) =>
        http.SendAsync<SigningKeySet>(HttpMethod.Get, "api/v1/keys", null, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => owned?.Dispose();

    internal static string Question(ValidationQuery query, string? productId) =>
        string.Join('\n', query.Key.Trim(), query.MachineId, Domain(query.Domain), productId, string.Join(',', query.Features.Order(StringComparer.Ordinal)));

    /// <summary>
    /// Keeps the answer for offline use once its token verifies; a token signed by a key the kept set lacks (the platform
    /// rotated its keys) fetches the set again first.
    /// </summary>
    private async Task KeepForOfflineAsync(string question, LicenseValidation validation, string token, CancellationToken cancellationToken)
    {
        var keys = store!.ReadKeys();
        if (keys is null || OfflineTokenVerifier.KeyIdOf(token) is not { } kid || keys.Find(kid) is null)
        {
            try
            {
                keys = await GetSigningKeysAsync(cancellationToken);
                store.WriteKeys(keys);
            }
            catch (Exception ex) when (ex is LicensePlatformUnavailableException or LicenseApiException)
            {
                return;
            }
        }

        if (OfflineTokenVerifier.TryVerify(token, keys, out _))
        {
            store.WriteAnswer(question, validation);
        }
    }

    private LicenseValidation AnswerOffline(LicenseValidation kept, ValidationQuery query, string? productId, DateTimeOffset now)
    {
        if (kept.OfflineToken is not { } token || kept.License is not { } license || store!.ReadKeys() is not { } keys
            || !OfflineTokenVerifier.TryVerify(token, keys, out var claims)
            || claims.LicenseId != license.Id
            || (claims.Machine ?? "") != (query.MachineId ?? "")
            || Domain(claims.Domain) != Domain(query.Domain)
            || (productId is not null && claims.ProductId != productId)
            || !query.Features.All(claims.Features.Contains))
        {
            return Refused(ErrorCodes.OfflineTokenInvalid, "The platform cannot be reached, and the answer kept for offline use does not verify against its keys.", ValidationSource.Offline);
        }

        if (now >= claims.OfflineUntil)
        {
            return Refused(ErrorCodes.OfflineGraceExpired, $"The platform cannot be reached, and the license's offline grace ended at {claims.OfflineUntil:u}.", ValidationSource.Offline);
        }

        if (claims.ExpiresAt is { } expires && now >= expires && !kept.Expired)
        {
            return Refused(ErrorCodes.LicenseExpired, $"The license expired at {expires:u}.", ValidationSource.Offline);
        }

        // What the token signs is what the answer says; the rest of the kept answer is for display.
        return kept with
        {
            License = license with { ProductId = claims.ProductId, Plan = claims.Plan, Features = claims.Features, ExpiresAt = claims.ExpiresAt },
            ValidatedAt = claims.IssuedAt,
            OfflineUntil = claims.OfflineUntil,
            Source = ValidationSource.Offline,
        };
    }

    private static LicenseValidation Refused(string code, string error, ValidationSource source) =>
        new() { Valid = false, Code = code, Error = error, Source = source };

    private static string? Domain(string? domain) => domain?.Trim().TrimEnd('.').ToLowerInvariant();

    private sealed record Remembered(LicenseValidation Answer, DateTimeOffset Until);
}
