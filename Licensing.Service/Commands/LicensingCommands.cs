using System.Text.Json;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Data;

namespace Platform.Licensing.Commands;

/// <summary>
/// Operator commands of the service binary, run instead of the server:
/// <c>migrate</c> applies the migrations and exits;
/// <c>bootstrap --name NAME [--plan PLAN] [--prefix PREFIX]</c> also creates a tenant and prints its first
/// admin keys as JSON <c>{"tenantId","testKey","liveKey"}</c>.
/// </summary>
internal static class LicensingCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>Null when <paramref name="args"/> names no command (run the server), else the exit code.</returns>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
                return 0;
            case "bootstrap":
                return await BootstrapAsync(app, args);
            default:
                return null;
        }
    }

    private static async Task<int> BootstrapAsync(WebApplication app, string[] args)
    {
        var name = Option(args, "--name");
        var planText = Option(args, "--plan") ?? "enterprise";
        if (string.IsNullOrWhiteSpace(name) || !Enum.TryParse<RateLimitPlan>(planText, ignoreCase: true, out var plan))
        {
            await Console.Error.WriteLineAsync("usage: bootstrap --name NAME [--plan builder|starter|professional|business|enterprise|unlimited] [--prefix PREFIX]");
            return 2;
        }

        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
        using var scope = app.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreateAsync(name, plan, Option(args, "--prefix"), CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(tenant, Json));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
