using Microsoft.Extensions.Configuration;

namespace Platform.Client.Tests;

/// <summary>The run-time calls against the real platform: validate, activate, deactivate, with typed answers and refusals.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RuntimeClientTests(PlatformFixture platform)
{
    [Fact]
    public async Task AValidKeyIsValidWithItsLicenseAndASignedTokenAndIsThenAnsweredFromMemory()
    {
        using var api = platform.Gateway();
        var license = await api.NewLicenseAsync(new { features = new[] { "export" } });
        using var cache = new TempFolder();
        using var client = platform.RuntimeClient(cache);
        var query = new ValidationQuery { Key = license.GetProperty("key").GetString()!, Features = ["export"] };

        var first = await client.ValidateAsync(query);
        var second = await client.ValidateAsync(query);

        Assert.True(first.Valid);
        Assert.Equal(ValidationSource.Platform, first.Source);
        Assert.Equal(license.GetProperty("id").GetString(), first.License!.Id);
        Assert.Equal(["export"], first.License.Features);
        Assert.NotNull(first.OfflineToken);
        var keys = await client.GetSigningKeysAsync();
        Assert.True(OfflineTokenVerifier.TryVerify(first.OfflineToken, keys, out var claims));
        Assert.Equal(first.License.Id, claims.LicenseId);
        Assert.Equal(ValidationSource.Memory, second.Source);
        Assert.Equal(first.License, second.License);
    }

    [Fact]
    public async Task RefusalsCarryTheirStableCodes()
    {
        using var api = platform.Gateway();
        var license = await api.NewLicenseAsync();
        var (id, key) = (license.GetProperty("id").GetString(), license.GetProperty("key").GetString()!);
        using var cache = new TempFolder();
        // No memory of valid answers: each question goes to the platform, to see when the suspension reaches it.
        using var client = platform.RuntimeClient(cache, o => o.CacheDuration = TimeSpan.Zero);
        Assert.True((await client.ValidateAsync(key)).Valid);

        await api.PostAsync($"/api/v1/licenses/{id}/suspend", new { });
        // The change reaches Validation's cache as an event, a moment later.
        var suspended = await EventuallyAsync(() => client.ValidateAsync(new ValidationQuery { Key = key, Domain = "example.com" }), v => !v.Valid);
        var typo = await client.ValidateAsync(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'));

        Assert.Equal((false, ErrorCodes.LicenseSuspended), (suspended.Valid, suspended.Code));
        Assert.False(string.IsNullOrEmpty(suspended.Error));
        Assert.Equal(ErrorCodes.InvalidKeyFormat, typo.Code);
        await api.PostAsync($"/api/v1/licenses/{id}/reinstate", new { });
        Assert.True((await EventuallyAsync(() => client.ValidateAsync(new ValidationQuery { Key = key, Domain = "example.com" }), v => v.Valid)).Valid);
        Assert.Equal(ErrorCodes.ProductMismatch, (await client.ValidateAsync(new ValidationQuery { Key = key, ProductId = "prod_other" })).Code);
    }

    [Fact]
    public async Task ActivationsHoldTheLimitAndARefusalIsATypedException()
    {
        using var api = platform.Gateway();
        var key = (await api.NewLicenseAsync(new { max_activations = 1 })).GetProperty("key").GetString()!;
        using var cache = new TempFolder();
        using var client = platform.RuntimeClient(cache);

        var first = await client.ActivateAsync(new ActivationRequest { Key = key, Name = "Build server" });
        var again = await client.ActivateAsync(new ActivationRequest { Key = key });
        var refused = await Assert.ThrowsAsync<LicenseApiException>(() => client.ActivateAsync(new ActivationRequest { Key = key, MachineId = "another-machine" }));
        var deactivated = await client.DeactivateAsync(key);
        var other = await client.ActivateAsync(new ActivationRequest { Key = key, MachineId = "another-machine" });
        var missing = await Assert.ThrowsAsync<LicenseApiException>(() => client.DeactivateAsync(key));

        Assert.Equal((true, true, 1), (first.Activated, first.NewlyActivated, first.Activations));
        Assert.StartsWith("mach_", first.MachineId, StringComparison.Ordinal);
        Assert.False(again.NewlyActivated);
        Assert.Equal((System.Net.HttpStatusCode.Forbidden, ErrorCodes.ActivationLimitReached), (refused.StatusCode, refused.Code));
        Assert.Equal((false, 0), (deactivated.Activated, deactivated.Activations));
        Assert.True(other.NewlyActivated);
        Assert.Equal(ErrorCodes.MachineNotFound, missing.Code);
    }

    [Fact]
    public async Task ABadApiKeyIsAnExceptionNamingTheCodeNotARefusalOfTheLicense()
    {
        using var api = platform.Gateway();
        var key = (await api.NewLicenseAsync()).GetProperty("key").GetString()!;
        using var cache = new TempFolder();
        using var client = platform.RuntimeClient(cache, o => o.ApiKey = "to_test_" + new string('x', 40));

        var refused = await Assert.ThrowsAsync<LicenseApiException>(() => client.ValidateAsync(key));

        Assert.Equal((System.Net.HttpStatusCode.Unauthorized, ErrorCodes.InvalidApiKey), (refused.StatusCode, refused.Code));
    }

    [Fact]
    public async Task DependencyInjectionBindsTheClientFromConfiguration()
    {
        using var api = platform.Gateway();
        var license = await api.NewLicenseAsync();
        using var cache = new TempFolder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LicenseClient:BaseAddress"] = platform.Url("gateway").ToString(),
            ["LicenseClient:ApiKey"] = platform.Credentials().GetProperty("testKey").GetString(),
            ["LicenseClient:ProductId"] = license.GetProperty("productId").GetString(),
            ["LicenseClient:CacheDirectory"] = cache.Path,
            ["LicenseClient:CacheDuration"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLicenseClient(configuration.GetSection("LicenseClient"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LicenseClient>();
        var first = await client.ValidateAsync(license.GetProperty("key").GetString()!);
        var second = await client.ValidateAsync(license.GetProperty("key").GetString()!);

        Assert.Same(client, provider.GetRequiredService<LicenseClient>());
        Assert.True(first.Valid);
        Assert.Equal(ValidationSource.Platform, second.Source); // CacheDuration 0: no memory
        Assert.Equal(MachineFingerprint.Compute(license.GetProperty("productId").GetString()), client.MachineId);
    }

    /// <summary>Asks until the answer satisfies <paramref name="done"/>, for up to 15 s.</summary>
    private static async Task<LicenseValidation> EventuallyAsync(Func<Task<LicenseValidation>> ask, Func<LicenseValidation, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var answer = await ask();
        while (!done(answer) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            answer = await ask();
        }

        return answer;
    }
}
