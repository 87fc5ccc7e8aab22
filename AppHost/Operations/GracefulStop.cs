using Microsoft.Extensions.Hosting;
using Platform.AppHost.Servers.RabbitMQ;

namespace Platform.AppHost.Operations;

/// <summary>
/// Stops every resource before the AppHost exits, the services first and then the servers they use, and waits
/// until each has finished: left to DCP alone they would be killed after the AppHost is gone, and Postgres would
/// need recovery on the next start.
/// </summary>
internal sealed class GracefulStop(
    DistributedApplicationModel model,
    ResourceCommandService commands,
    ResourceNotificationService notifications,
    ILogger<GracefulStop> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var running = model.Resources.Where(r => r is ExecutableResource or ProjectResource).ToList();
        await StopAllAsync(running.OfType<ProjectResource>(), cancellationToken);
        // RabbitMQ and Postgres before the port mapper RabbitMQ registers with.
        await StopAllAsync(running.Where(r => r is ExecutableResource and not ErlangPortMapperResource), cancellationToken);
        await StopAllAsync(running.OfType<ErlangPortMapperResource>(), cancellationToken);
    }

    private async Task StopAllAsync(IEnumerable<IResource> resources, CancellationToken cancellationToken) =>
        await Task.WhenAll(resources.Select(async resource =>
        {
            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
            if (!result.Success)
            {
                // Not running (never started, or already exited): nothing to stop.
                logger.LogDebug("{Resource} not stopped: {Error}", resource.Name, result.Message);
                return;
            }

            await notifications.WaitForResourceAsync(resource.Name, update => IsStopped(update.Snapshot.State?.Text), cancellationToken);
        }));

    private static bool IsStopped(string? state) =>
        state != KnownResourceStates.Running && state != KnownResourceStates.Stopping && state != KnownResourceStates.Starting;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
