using Npgsql;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// The one definition of "the database cannot be reached": not a fault of the service, so a request answers 503 and
/// a background task tries again.
/// </summary>
public static class StoreErrors
{
    /// <summary>
    /// The error that says the database could not be reached or is shutting down, wherever EF Core or a retry wrapped it
    /// (a connection refused or dropped, a timeout, Postgres starting or stopping); null for any other error.
    /// </summary>
    public static NpgsqlException? Unreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException npgsql && (npgsql is PostgresException postgres ? IsUnavailable(postgres.SqlState) : npgsql.IsTransient))
            {
                return npgsql;
            }
        }

        return null;
    }

    // 08: connection exceptions; 57P01-57P03: the server is shutting down or not yet accepting connections; 53: out of resources.
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" || sqlState.StartsWith("53", StringComparison.Ordinal);
}
