using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>
/// A command that calls the platform: it resolves the URL and API key, runs, and turns any failure into a message on
/// stderr and its exit code (<see cref="ExitCodes"/>).
/// </summary>
public abstract class PlatformCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : ConnectionSettings
{
    /// <summary>Whether the command needs an API key (the admin API does; validation and the signing keys do not).</summary>
    protected virtual bool ApiKeyRequired => true;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        PlatformConnection? connection = null;
        try
        {
            connection = PlatformConnection.Resolve(settings, ApiKeyRequired);
            return await RunAsync(connection, settings, cancellationToken);
        }
#pragma warning disable CA1031 // Every failure becomes a message and an exit code; none may end the tool with a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failure.Report(ex, connection, cancellationToken);
        }
    }

    /// <summary>Carries the command out; its exit code.</summary>
    protected abstract Task<int> RunAsync(PlatformConnection connection, TSettings settings, CancellationToken cancellationToken);
}
