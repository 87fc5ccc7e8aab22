using System.Reflection;

namespace Platform.AppHost.Hosting;

/// <summary>
/// Runs an AppHost's Program.cs up to <c>Build()</c> and hands the application to a test, as
/// Aspire.Hosting.Testing does, so tests start exactly the resource graph the AppHost declares.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    private static readonly AsyncLocal<bool> Capturing = new();

    /// <param name="appHost">The AppHost assembly, for example <c>typeof(Program).Assembly</c>.</param>
    /// <param name="args">Arguments as on the command line, for example <c>--AppHost:GatewayPort=0</c>.</param>
    public static DistributedApplication Create(Assembly appHost, params string[] args)
    {
        var entryPoint = appHost.EntryPoint ?? throw new InvalidOperationException($"{appHost.GetName().Name} has no entry point.");
        Capturing.Value = true;
        try
        {
            entryPoint.Invoke(null, [args]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is ApplicationCaptured captured)
        {
            return captured.Application;
        }
        finally
        {
            Capturing.Value = false;
        }

        throw new InvalidOperationException("The AppHost returned without calling Build().");
    }

    internal static void Capture(DistributedApplication app)
    {
        if (Capturing.Value)
        {
            throw new ApplicationCaptured(app);
        }
    }

    private sealed class ApplicationCaptured(DistributedApplication application) : Exception("The application was handed to a test.")
    {
        public DistributedApplication Application { get; } = application;
    }
}
