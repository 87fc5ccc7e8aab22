using System.Reflection;
using Npgsql;

namespace Platform.ServiceDefaults.Data;

public static class MigrationExtensions
{
    /// <summary>
    /// Registers a <see cref="MigrationRunner"/> for the SQL migrations embedded in <paramref name="assembly"/>
    /// (<c>Infrastructure/Migrations/NNNN_name.sql</c>) against the service's <see cref="NpgsqlDataSource"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMigrations(this IHostApplicationBuilder builder, Assembly assembly, long lockKey)
    {
        var migrations = Migration.LoadFrom(assembly);
        builder.Services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<NpgsqlDataSource>(), migrations, lockKey, sp.GetRequiredService<ILogger<MigrationRunner>>()));
        return builder;
    }

    /// <summary>Brings the schema up to date before the service answers anything.</summary>
    public static Task MigrateDatabaseAsync(this IHost host) => host.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
}
