using LicensePlatform.Cli.Infrastructure;

namespace LicensePlatform.Cli.Commands;

/// <summary>The platform's public signing keys (<c>GET /api/v1/keys</c>), which verify its offline tokens.</summary>
public sealed class KeysCommand : PlatformCommand<PlatformSettings>
{
    protected override bool ApiKeyRequired => false;

    protected override async Task<int> RunAsync(PlatformConnection connection, PlatformSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        using var client = connection.RuntimeClient();
        var keys = await client.GetSigningKeysAsync(cancellationToken);
        if (settings.Json)
        {
            Output.Json(keys);
            return ExitCodes.Ok;
        }

        var table = Output.Table("Key id", "Status", "Algorithm", "Curve", "Public key (x)");
        foreach (var key in keys.Keys)
        {
            table.Row(key.Kid, key.Status, key.Alg, key.Crv, key.X);
        }

        Output.Show(table);
        return ExitCodes.Ok;
    }
}
