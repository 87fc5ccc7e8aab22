using System.Diagnostics;
using System.Text.Json;

namespace Platform.Licensing.Tests;

/// <summary>The operator's <c>bootstrap</c> command, run as the service binary is run.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BootstrapCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task BootstrapMigratesCreatesATenantAndPrintsItsKeys()
    {
        await using var database = await Database.CreateAsync(postgres, migrate: false);

        var (code, stdout, stderr) = await RunAsync(database.ConnectionString, "bootstrap", "--name", "Acme Software", "--plan", "business");

        Assert.True(code == 0, stderr);
        var printed = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
        var tenantId = printed.GetProperty("tenantId").GetString()!;
        Assert.StartsWith("to_test_", printed.GetProperty("testKey").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("to_live_", printed.GetProperty("liveKey").GetString(), StringComparison.Ordinal);
        Assert.Equal("business", await database.ScalarAsync<string>($"SELECT plan FROM tenants WHERE id = '{tenantId}'"));
    }

    [Fact]
    public async Task BootstrapWithoutANameExplainsItsUsage()
    {
        await using var database = await Database.CreateAsync(postgres, migrate: false);

        var (code, _, stderr) = await RunAsync(database.ConnectionString, "bootstrap", "--plan", "business");

        Assert.Equal(2, code);
        Assert.Contains("usage: bootstrap --name", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string connectionString, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Licensing.Service.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ConnectionStrings__licensingdb"] = connectionString;
        // Commands never start the bus; the setting only has to be well formed.
        info.Environment["ConnectionStrings__eventbus"] = "amqp://guest:guest@127.0.0.1:1/";
        info.Environment["Platform__IdentitySecret"] = Convert.ToBase64String(new byte[32]);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
