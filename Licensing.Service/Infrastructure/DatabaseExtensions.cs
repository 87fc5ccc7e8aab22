using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults.Data;

namespace Platform.Licensing.Infrastructure;

internal static class DatabaseExtensions
{
    public static void AddLicensingDatabase(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDataSource("licensingdb");
        builder.Services.AddDbContextPool<LicensingDbContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<MigrationRunner>();
    }

    /// <summary>Brings the schema up to date before the service answers anything.</summary>
    public static Task MigrateDatabaseAsync(this WebApplication app) => app.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
}
