using Npgsql;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>A database on a Postgres server, created when missing; referenced as <c>ConnectionStrings__{name}</c>.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    public PostgresDatabaseResource(string name, PostgresServerResource server) : base(name)
    {
        Server = server;
        WaitsFor.Add(server);
    }

    public PostgresServerResource Server { get; }
    public override string Kind => "PostgresDatabase";
    public string ConnectionStringName => Name;

    public string GetConnectionString() => Server.ConnectionStringFor(Name);

    internal override async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", Name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            context.Log(Name, $"creating database {Name}");
            // A database name cannot be a parameter; the name is ours (from Program.cs) and quoted.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        PostgresProbe.CanQueryAsync(GetConnectionString(), cancellationToken);
}
