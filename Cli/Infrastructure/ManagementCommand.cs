using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>A command of the admin API that makes one call and prints its answer: as JSON with <c>--json</c>, for people otherwise.</summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
/// <typeparam name="TAnswer">The SDK's answer.</typeparam>
public abstract class ManagementCommand<TSettings, TAnswer> : PlatformCommand<TSettings>
    where TSettings : ConnectionSettings
{
    protected sealed override async Task<int> RunAsync(PlatformConnection connection, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var client = connection.ManagementClient();
        var answer = await CallAsync(client, settings, cancellationToken);
        if (settings.Json)
        {
            Output.Json(answer);
        }
        else
        {
            Show(answer, settings);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The call.</summary>
    protected abstract Task<TAnswer> CallAsync(LicenseManagementClient client, TSettings settings, CancellationToken cancellationToken);

    /// <summary>The answer for people, on stdout.</summary>
    protected abstract void Show(TAnswer answer, TSettings settings);
}
