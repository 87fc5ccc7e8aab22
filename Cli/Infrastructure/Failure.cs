using System.Net;
using LicensePlatform.Client;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>An exception of a command turned into what to tell the person and the exit code.</summary>
public static class Failure
{
    /// <summary>Prints what went wrong, and what to check, on stderr; the exit code.</summary>
    /// <param name="exception">What the command threw.</param>
    /// <param name="connection">The platform and key it used, once resolved.</param>
    /// <param name="cancellationToken">The command's token, to tell Ctrl+C from a timeout.</param>
    public static int Report(Exception exception, PlatformConnection? connection, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case UsageException usage:
                Output.Error(usage.Message);
                return ExitCodes.Usage;
            case LicenseApiException { StatusCode: HttpStatusCode.Unauthorized } refusal:
                Output.Refusal(refusal.Code, refusal.Message, Unauthorized(connection));
                return ExitCodes.Refused;
            case LicenseApiException { Code: ErrorCodes.Forbidden } refusal:
                Output.Refusal(refusal.Code, refusal.Message,
                    $"The API key {connection?.MaskedApiKey} (from {connection?.ApiKeySource}) does not have the admin scope this command needs.",
                    "Use a key with the admin scope (licensectl api-keys create --name NAME --scope admin, called with an admin key).");
                return ExitCodes.Refused;
            case LicenseApiException refusal:
                Output.Refusal(refusal.Code, refusal.Message, HelpOf(refusal, connection));
                return ExitCodes.Refused;
            case LicensePlatformUnavailableException unavailable:
                Output.Error(unavailable.Message,
                    $"Check that {connection?.Url} (from {connection?.UrlSource}) is the platform's address and that it is up;"
                    + $" the call was tried {1 + (connection?.Retries ?? 0)} time(s) (--retries).");
                return ExitCodes.Unreachable;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                Output.Error("Cancelled.");
                return ExitCodes.Cancelled;
            default:
                Output.Error(exception.Message);
                return ExitCodes.Refused;
        }
    }

    private static string[] Unauthorized(PlatformConnection? connection)
    {
        if (connection?.ApiKey is null)
        {
            return [$"No API key was sent: pass --api-key <KEY> or set the {PlatformConnection.ApiKeyVariable} environment variable."];
        }

        return
        [
            $"The platform at {connection.Url} refused the API key {connection.MaskedApiKey} (from {connection.ApiKeySource}).",
            $"Check that the key exists on the platform at {connection.Url} (not on another deployment, e.g. staging rather than production),"
            + " that it has not been revoked, that test keys (to_test_) and live keys (to_live_) are not swapped, and that it was copied whole.",
        ];
    }

    private static string[] HelpOf(LicenseApiException refusal, PlatformConnection? connection) =>
        refusal.Help is { Length: > 0 } help && connection is not null && Uri.TryCreate(connection.Url, help, out var page)
            ? [$"See {page}"]
            : [];
}
