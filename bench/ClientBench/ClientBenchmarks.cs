using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using LicensePlatform.Client;
using NSec.Cryptography;

namespace Platform.Bench.Client;

/// <summary>
/// The client's own costs, without a network: a validation answered from its memory of a recent valid answer, the check
/// of an offline token (Ed25519 and its JSON), and this machine's fingerprint (hashing the id read once, and reading it).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet measures instance methods.")]
public class ClientBenchmarks : IDisposable
{
    private const string Answer = """
        {"valid":true,"license":{"id":"lic_bench","key":"TO-BENCH","status":"active","type":"perpetual","plan":"Pro","productId":"prod_bench",
        "features":["export","sync"],"expiresAt":null,"activations":1,"maxActivations":5,"domains":[],"maxDomains":null,"seatsInUse":0,
        "maxSeats":null,"keyValidUntil":null,"metadata":{}},"validatedAt":"2026-12-07T10:00:00Z","expired":false,"servedFromCache":false}
        """;

    private readonly ValidationQuery query = new() { Key = "TO-BENCH", MachineId = "machine-1", Features = ["export"] };
    private LicenseClient client = null!;
    private string token = null!;
    private SigningKeySet keys = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var http = new HttpClient(new AnswerOnce(Answer)) { BaseAddress = new Uri("http://bench.invalid/") };
        client = new LicenseClient(new LicenseClientOptions
        {
            BaseAddress = http.BaseAddress,
            OfflineValidation = false,
            CacheDuration = TimeSpan.FromHours(1),
        }, () => http, TimeProvider.System);
        if (!(await client.ValidateAsync(query)).Valid)
        {
            throw new InvalidOperationException("The answer to remember was not valid.");
        }

        (token, keys) = SignedToken();
        if (!OfflineTokenVerifier.TryVerify(token, keys, out _))
        {
            throw new InvalidOperationException("The benchmark's token does not verify.");
        }

        _ = MachineFingerprint.Compute("prod_bench");
    }

    [Benchmark(Description = "validation from the client's memory")]
    public Task<LicenseValidation> ValidateFromMemory() => client.ValidateAsync(query);

    [Benchmark(Description = "offline token verification")]
    public bool VerifyOfflineToken() => OfflineTokenVerifier.TryVerify(token, keys, out _);

    [Benchmark(Description = "fingerprint (machine id read once)")]
    public string Fingerprint() => MachineFingerprint.Compute("prod_bench");

    [Benchmark(Description = "fingerprint, reading the machine id")]
    public string FingerprintReadingTheId() => MachineFingerprint.Hash("prod_bench", MachineFingerprint.ReadRawId());

    [GlobalCleanup]
    public void Dispose()
    {
        client.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A token shaped as the platform signs them, with a key of the benchmark's own.</summary>
    private static (string Token, SigningKeySet Keys) SignedToken()
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        using var key = Key.Create(algorithm);
        var header = Base64Url("""{"alg":"EdDSA","typ":"license+jws","kid":"bench-key"}"""u8.ToArray());
        var payload = Base64Url(Encoding.UTF8.GetBytes("""
            {"v":1,"licenseId":"lic_bench","productId":"prod_bench","plan":"Pro","features":["export","sync"],"machine":"machine-1","domain":null,"expiresAt":null,"issuedAt":"2026-12-07T10:00:00Z","offlineUntil":"2026-12-14T10:00:00Z"}
            """.Trim()));
        var signature = algorithm.Sign(key, Encoding.ASCII.GetBytes(header + "." + payload));
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        return (header + "." + payload + "." + Base64Url(signature),
            new SigningKeySet([new SigningKey("OKP", "Ed25519", "EdDSA", "sig", "bench-key", Base64Url(publicKey), "active")]));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Answers the one call that fills the client's memory; the benchmark must never reach it again.</summary>
    private sealed class AnswerOnce(string json) : HttpMessageHandler
    {
        private int calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) == 1
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") })
                : throw new InvalidOperationException("The benchmark reached the network: the memory did not answer.");
    }
}
