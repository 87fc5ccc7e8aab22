using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Client.Tests;

/// <summary>
/// Offline validation with the platform really stopped (its Gateway, the only address a vendor's app knows): the answer
/// kept on disk is valid within the license's offline grace, refused after it, and refused when its token was tampered
/// with; and a token signed by a key the kept key set lacks (a rotation) fetches the set again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OfflineTests(PlatformFixture platform)
{
    [Fact]
    public async Task WithThePlatformStoppedTheKeptAnswerIsValidWithinItsGraceAndRefusedAfterItOrWhenTamperedWith()
    {
        using var api = platform.Gateway();
        var key = (await api.NewLicenseAsync(plan: new { license_type = "perpetual", offline_grace_days = 2 })).GetProperty("key").GetString()!;
        using var cache = new TempFolder();
        var store = new OfflineStore(cache.Path, platform.Options(cache).RootAddress);
        // The key set as it was before the platform rotated its keys: it lacks the one signing now.
        store.WriteKeys(new SigningKeySet([new SigningKey("OKP", "Ed25519", "EdDSA", "sig", "before-rotation", Base64Url(RandomNumberGenerator.GetBytes(32)), "active")]));

        LicenseValidation online;
        using (var client = platform.RuntimeClient(cache))
        {
            online = await client.ValidateAsync(key);
        }

        Assert.True(online.Valid);
        var signingKey = OfflineTokenVerifier.KeyIdOf(online.OfflineToken!);
        Assert.NotNull(store.ReadKeys()!.Find(signingKey!));
        var validatedAt = DateTimeOffset.UtcNow;

        await StopGatewayAsync();
        try
        {
            using var offline = OfflineClient(cache, TimeProvider.System);
            var within = await offline.ValidateAsync(key);
            using var threeDaysLater = OfflineClient(cache, new FixedClock(validatedAt.AddDays(3)));
            var after = await threeDaysLater.ValidateAsync(key);
            var neverAsked = await Assert.ThrowsAsync<LicensePlatformUnavailableException>(() => offline.ValidateAsync(new ValidationQuery { Key = key, MachineId = "never-asked" }));

            Assert.True(within.Valid, within.Error);
            Assert.Equal(ValidationSource.Offline, within.Source);
            Assert.Equal(online.License!.Id, within.License!.Id);
            Assert.InRange(within.OfflineUntil!.Value, validatedAt.AddDays(2).AddMinutes(-2), validatedAt.AddDays(2).AddMinutes(1));
            Assert.Equal((false, ErrorCodes.OfflineGraceExpired), (after.Valid, after.Code));

            // Someone gives the kept token a longer grace: its signature no longer matches.
            var path = store.AnswerPath(LicenseClient.Question(new ValidationQuery { Key = key }, null));
            var kept = JsonNode.Parse(File.ReadAllText(path))!;
            kept["offlineToken"] = WithLongerGrace(kept["offlineToken"]!.GetValue<string>());
            File.WriteAllText(path, kept.ToJsonString());
            var tampered = await offline.ValidateAsync(key);

            Assert.Equal((false, ErrorCodes.OfflineTokenInvalid), (tampered.Valid, tampered.Code));
        }
        finally
        {
            await StartGatewayAsync();
        }
    }

    private LicenseClient OfflineClient(TempFolder cache, TimeProvider clock) =>
        new(platform.Options(cache, o => (o.MaxRetries, o.AttemptTimeout) = (1, TimeSpan.FromSeconds(3))), null, clock);

    private async Task StopGatewayAsync()
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        Assert.True((await commands.ExecuteCommandAsync("gateway", KnownResourceCommands.StopCommand)).Success);
        await platform.App.ResourceNotifications.WaitForResourceAsync("gateway", KnownResourceStates.Finished);
    }

    private async Task StartGatewayAsync()
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        Assert.True((await commands.ExecuteCommandAsync("gateway", KnownResourceCommands.StartCommand)).Success);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", deadline.Token);
    }

    private static string WithLongerGrace(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Convert.FromBase64String(Padded(parts[1])))!;
        payload["offlineUntil"] = "2099-01-01T00:00:00Z";
        return string.Join('.', parts[0], Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Padded(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
