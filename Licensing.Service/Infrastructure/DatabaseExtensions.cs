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
        builder.AddMigrations(typeof(LicensingMigrations).Assembly, LicensingMigrations.LockKey);
    }
}
