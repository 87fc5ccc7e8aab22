using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.ApiKeys;

/// <summary>How API keys look for people (never their secrets, which the platform does not keep readable).</summary>
internal static class ApiKeyView
{
    public static void Table(IEnumerable<ApiKeyInfo> keys)
    {
        var table = Output.Table("ID", "Name", "Prefix", "Environment", "Scopes", "Created", "Last used", "Revoked");
        foreach (var key in keys)
        {
            table.Row(key.Id, key.Name, key.Prefix + "…", key.Environment, Output.List(key.Scopes), Output.Date(key.CreatedAt), Output.Date(key.LastUsedAt),
                key.RevokedAt is null ? null : Output.Date(key.RevokedAt));
        }

        Output.Show(table);
    }
}
