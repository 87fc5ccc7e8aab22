using System.Diagnostics;
using Npgsql;
using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Data;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers an <see cref="NpgsqlDataSource"/> for <c>ConnectionStrings:{name}</c> (required) and a
    /// readiness check that queries it.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);
        builder.Services.AddSingleton(_ =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString);
            // Statements a service repeats (its whole hot path) are prepared once per connection, unless the
            // connection string says otherwise: Postgres then skips parsing and planning them on every call.
            if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                dataSource.ConnectionStringBuilder.MaxAutoPrepare = 50;
                dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }

            // No service keeps session state on a pooled connection (the migration runner releases its advisory
            // lock itself), so returning one to the pool need not cost a reset round trip on its next use.
            if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            {
                dataSource.ConnectionStringBuilder.NoResetOnClose = true;
            }

            // Database spans only inside a trace (a request, a consumed message): the background loops poll several
            // times a second, and a trace for every poll would bury the requests in the dashboard.
            dataSource.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null));

            return dataSource.Build();
        });
        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            connectionName, sp => new PostgresHealthCheck(sp.GetRequiredService<NpgsqlDataSource>()), failureStatus: null, tags: null));
        return builder;
    }
}
