using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>What a resource needs from the orchestrator while it starts and stops.</summary>
internal sealed class ResourceContext(AppHostOptions options, ConsoleOutput output, ProcessLedger ledger)
{
    public AppHostOptions Options => options;
    public ConsoleOutput Output => output;
    public ProcessLedger Ledger => ledger;

    public void Log(string resource, string message) => output.Write(resource, message);
}
