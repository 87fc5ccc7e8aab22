using System.Diagnostics;
using System.Reflection;

namespace Platform.AppHost.Credentials;

/// <summary>Runs one of Licensing's operator commands (such as <c>bootstrap</c>) with the environment Aspire gives the service.</summary>
internal static class LicensingCommand
{
    /// <summary>The build configuration of the AppHost, which is the one its services were built in.</summary>
    private static readonly string Configuration =
        typeof(LicensingCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <returns>What the command printed on standard output.</returns>
    public static async Task<string> RunAsync(ProjectResource licensing, IServiceProvider services, ILogger logger, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(licensing)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(services.GetRequiredService<DistributedApplicationExecutionContext>(), logger, cancellationToken);
        var project = licensing.GetProjectMetadata().ProjectPath;
        var name = Path.GetFileNameWithoutExtension(project);
        var assembly = Path.Combine(Path.GetDirectoryName(project)!, "bin", Configuration, "net10.0", name + ".dll");

        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in configuration.EnvironmentVariables)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }

        return await output;
    }
}
