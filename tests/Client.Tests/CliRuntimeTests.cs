namespace Platform.Client.Tests;

/// <summary>
/// <c>licensectl validate</c>, <c>machine-id</c> and <c>keys</c> as a pipeline runs them: a real process, its exit code and
/// its output, against the test platform (or a port nobody listens on).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CliRuntimeTests(PlatformFixture platform)
{
    [Fact]
    public async Task Validate_exits_0_for_a_valid_key_and_prints_the_platforms_answer_as_json()
    {
        using var api = platform.Gateway();
        var license = await api.NewLicenseAsync(new { features = new[] { "export" } });
        var (id, key) = (license.GetProperty("id").GetString(), license.GetProperty("key").GetString()!);

        var json = await platform.CliAsync("validate", "--key", key, "--feature", "export", "--json");
        var human = await platform.CliAsync("validate", "--key", key);

        Assert.True(json.ExitCode == 0, json.ToString());
        var answer = json.Json();
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(id, answer.GetProperty("license").GetProperty("id").GetString());
        Assert.Equal("platform", answer.GetProperty("source").GetString());
        Assert.Equal(["export"], answer.GetProperty("license").GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains("Valid", human.Stdout, StringComparison.Ordinal);
        Assert.Contains(id!, human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_exits_1_with_the_code_for_a_malformed_key_a_missing_feature_and_a_suspended_license()
    {
        using var api = platform.Gateway();
        var license = await api.NewLicenseAsync();
        var (id, key) = (license.GetProperty("id").GetString()!, license.GetProperty("key").GetString()!);
        var typo = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        var malformed = await platform.CliAsync("validate", "--key", typo);
        var feature = await platform.CliAsync("validate", "--key", key, "--feature", "not-in-it", "--json");
        var suspend = await platform.CliAsync("licenses", "suspend", id, "--json");
        // The suspension reaches Validation's cache as an event, a moment later.
        var suspended = await EventuallyAsync(() => platform.CliAsync("validate", "--key", key, "--json"), r => r.ExitCode != 0);

        Assert.True(malformed.ExitCode == 1, malformed.ToString());
        Assert.Contains("INVALID_KEY_FORMAT", malformed.Stdout, StringComparison.Ordinal);
        Assert.True(feature.ExitCode == 1, feature.ToString());
        Assert.Equal("FEATURE_NOT_ENTITLED", feature.Json().GetProperty("code").GetString());
        Assert.Contains("FEATURE_NOT_ENTITLED", feature.Stderr, StringComparison.Ordinal);
        Assert.True(suspend.ExitCode == 0, suspend.ToString());
        Assert.Equal("suspended", suspend.Json().GetProperty("status").GetString());
        Assert.True(suspended.ExitCode == 1, suspended.ToString());
        Assert.False(suspended.Json().GetProperty("valid").GetBoolean());
        Assert.Equal("LICENSE_SUSPENDED", suspended.Json().GetProperty("code").GetString());
        Assert.Contains("LICENSE_SUSPENDED:", suspended.Stderr, StringComparison.Ordinal);

        var reinstate = await platform.CliAsync("licenses", "reinstate", id);
        Assert.True(reinstate.ExitCode == 0, reinstate.ToString());
        Assert.Equal(0, (await EventuallyAsync(() => platform.CliAsync("validate", "--key", key), r => r.ExitCode == 0)).ExitCode);
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_say_what_to_pass()
    {
        var noKey = await platform.CliAsync("validate", "--domain", "example.com");
        var unknownOption = await platform.CliAsync("validate", "--key", "K", "--colour", "blue");
        var noUrl = await CliProcess.RunAsync(new Dictionary<string, string?>(), "validate", "--key", "K");
        var noApiKey = await CliProcess.RunAsync(new Dictionary<string, string?> { ["LICENSE_API_URL"] = platform.Url("gateway").ToString() }, "products", "list");
        var badValue = await platform.CliAsync("licenses", "list", "--status", "sleeping");
        var noCommand = await platform.CliAsync("licenses");

        Assert.True(noKey.ExitCode == 2, noKey.ToString());
        Assert.Contains("--key", noKey.Stderr, StringComparison.Ordinal);
        Assert.True(unknownOption.ExitCode == 2, unknownOption.ToString());
        Assert.Contains("colour", unknownOption.Stderr, StringComparison.Ordinal);
        Assert.True(noUrl.ExitCode == 2, noUrl.ToString());
        Assert.Contains("LICENSE_API_URL", noUrl.Stderr, StringComparison.Ordinal);
        Assert.Contains("--url", noUrl.Stderr, StringComparison.Ordinal);
        Assert.True(noApiKey.ExitCode == 2, noApiKey.ToString());
        Assert.Contains("LICENSE_API_KEY", noApiKey.Stderr, StringComparison.Ordinal);
        Assert.True(badValue.ExitCode == 2, badValue.ToString());
        Assert.Contains("active, suspended, expired, revoked", badValue.Stderr, StringComparison.Ordinal);
        Assert.True(noCommand.ExitCode == 2, noCommand.ToString());
        Assert.Empty(noKey.Stdout + unknownOption.Stdout + noUrl.Stdout + noApiKey.Stdout + badValue.Stdout);
    }

    [Fact]
    public async Task A_platform_nobody_listens_for_exits_3()
    {
        var closed = new Dictionary<string, string?> { ["LICENSE_API_URL"] = $"http://127.0.0.1:{Platform.AppHost.Servers.FreePort.Next()}" };

        var validate = await CliProcess.RunAsync(closed, "validate", "--key", "ANY-KEY-AT-ALL", "--retries", "1", "--json");
        var keys = await CliProcess.RunAsync(closed, "keys", "--retries", "0");
        var management = await CliProcess.RunAsync(new Dictionary<string, string?>(closed) { ["LICENSE_API_KEY"] = "to_test_whatever" },
            "licenses", "list", "--retries", "0", "--json");

        Assert.True(validate.ExitCode == 3, validate.ToString());
        Assert.Contains("could not be reached", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains("tried 2 time(s)", validate.Stderr, StringComparison.Ordinal);
        Assert.Empty(validate.Stdout);
        Assert.True(keys.ExitCode == 3, keys.ToString());
        Assert.True(management.ExitCode == 3, management.ToString());
        Assert.Empty(management.Stdout);
    }

    [Fact]
    public async Task Machine_id_is_the_sdks_fingerprint_and_the_same_in_every_process()
    {
        var first = await CliProcess.RunAsync(new Dictionary<string, string?>(), "machine-id", "--product", "prod_cli");
        var second = await CliProcess.RunAsync(new Dictionary<string, string?>(), "machine-id", "--product", "prod_cli");
        var json = await CliProcess.RunAsync(new Dictionary<string, string?>(), "machine-id", "--product", "prod_cli", "--json");
        var anyProduct = await CliProcess.RunAsync(new Dictionary<string, string?>(), "machine-id");

        Assert.True(first.ExitCode == 0, first.ToString());
        var id = first.Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Equal(id, second.Stdout.Trim());
        Assert.Equal(MachineFingerprint.Compute("prod_cli"), id);
        Assert.Equal(id, json.Json().GetProperty("machineId").GetString());
        Assert.Equal(MachineFingerprint.Compute(), anyProduct.Stdout.Trim());
        Assert.NotEqual(id, anyProduct.Stdout.Trim());
    }

    [Fact]
    public async Task Keys_prints_the_platforms_signing_keys()
    {
        var json = await platform.CliAsync("keys", "--json");
        var table = await platform.CliAsync("keys");

        Assert.True(json.ExitCode == 0, json.ToString());
        var key = json.Json().GetProperty("keys").EnumerateArray().First();
        Assert.Equal(("OKP", "Ed25519"), (key.GetProperty("kty").GetString(), key.GetProperty("crv").GetString()));
        Assert.Contains(key.GetProperty("kid").GetString()!, table.Stdout, StringComparison.Ordinal);
    }

    private static async Task<CliResult> EventuallyAsync(Func<Task<CliResult>> run, Func<CliResult, bool> done)
    {
        var result = await run();
        for (var deadline = DateTime.UtcNow.AddSeconds(20); !done(result) && DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            result = await run();
        }

        return result;
    }
}
