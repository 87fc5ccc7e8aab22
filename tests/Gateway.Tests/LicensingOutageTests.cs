using System.Diagnostics;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Tests;

/// <summary>
/// Licensing stopped: the keys it confirmed within the grace (15 minutes by default) go on working from the Gateway's
/// cache, so keyed validations reach Validation, which can answer them; a key it never confirmed cannot be checked.
/// Each test runs a Licensing of its own, which it stops.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LicensingOutageTests(PlatformFixture platform)
{
    [Fact]
    public async Task KeyedValidationsKeepAnsweringWhileLicensingIsStoppedForAMinute()
    {
        var licensing = await platform.StartLicensingAsync();
        var tenant = await licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        // A 2 s cache, so that the minute spans many expiries and renewals of the key's resolution.
        await using var gateway = await GatewayHost.StartAsync(platform, Behind(licensing, ("Gateway:ApiKeyCacheDuration", "00:00:02")));
        using var client = gateway.Client(tenant.LiveKey);
        Assert.Equal(HttpStatusCode.OK, (await ValidateAsync(client)).StatusCode);

        await licensing.DisposeAsync();
        var clock = Stopwatch.StartNew();
        var answered = 0;
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            using var response = await ValidateAsync(client);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} after {clock.Elapsed.TotalSeconds:F1} s of the outage");
            answered++;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        using var testClient = gateway.Client(tenant.TestKey);
        using var neverConfirmed = await ValidateAsync(testClient);
        Assert.True(answered > 100, $"only {answered} validations in the minute");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, neverConfirmed.StatusCode);
        Assert.Equal("SERVICE_UNAVAILABLE", await neverConfirmed.ErrorCodeAsync());
    }

    [Fact]
    public async Task PastTheGraceTheKeyCannotBeCheckedAndTheAnswerIs503()
    {
        var licensing = await platform.StartLicensingAsync();
        var tenant = await licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform, Behind(licensing,
            ("Gateway:ApiKeyCacheDuration", "00:00:01"), ("Gateway:ApiKeyOutageGrace", "00:00:08")));
        using var client = gateway.Client(tenant.LiveKey);
        var confirmed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await ValidateAsync(client)).StatusCode);

        await licensing.DisposeAsync();
        // Licensing last confirmed the key at 0 s: kept at 4 s (the 1 s cache long expired), not after 8 s.
        await confirmed.UntilAsync(4);
        using var kept = await ValidateAsync(client);
        await confirmed.UntilAsync(9.5);
        using var past = await ValidateAsync(client);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, past.StatusCode);
    }

    /// <summary>The Gateway's settings for a Licensing of the test's own.</summary>
    private static Dictionary<string, string?> Behind(LicensingHost licensing, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            [IdentityExtensions.SecretKey] = licensing.IdentitySecret,
            ["services:licensing:grpc:0"] = licensing.Grpc.ToString(),
            ["services:licensing:http:0"] = licensing.Http.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        return configuration;
    }

    private static Task<HttpResponseMessage> ValidateAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/validate", new { license_key = "TO-AAAA-BBBB-CCCC-DDDD" });
}
