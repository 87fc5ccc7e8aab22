using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Operations;

/// <summary>
/// Starts again a resource that exited while the AppHost runs and nobody asked it to stop (Running straight to
/// a terminal state; an operator's stop passes through Stopping), with a backoff from 0.5 s doubling to 30 s
/// that resets once the resource has stayed up for a minute.
/// </summary>
internal sealed class CrashRestarts(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService loggers,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Tracked> resources = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping.Token))
            {
                if (update.Resource is not (ExecutableResource or ProjectResource))
                {
                    continue;
                }

                var state = update.Snapshot.State?.Text;
                var tracked = resources.TryGetValue(update.ResourceId, out var known) ? known : resources[update.ResourceId] = new Tracked();
                var previous = tracked.State;
                tracked.State = state;
                if (state == KnownResourceStates.Running && previous != KnownResourceStates.Running)
                {
                    if (DateTime.UtcNow - tracked.RunningSince > StableAfter)
                    {
                        tracked.Delay = FirstDelay;
                    }

                    tracked.RunningSince = DateTime.UtcNow;
                }
                else if (previous == KnownResourceStates.Running && IsTerminal(state))
                {
                    var delay = tracked.Delay;
                    tracked.Delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
                    loggers.GetLogger(update.ResourceId).LogWarning(
                        "{Resource} exited without being asked to stop (state {State}, exit code {ExitCode}); starting it again in {Delay} s",
                        update.ResourceId, state, update.Snapshot.ExitCode, delay.TotalSeconds);
                    _ = RestartAsync(update.ResourceId, delay, stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(string resourceId, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, cancellationToken);
            if (!result.Success)
            {
                loggers.GetLogger(resourceId).LogError("starting {Resource} again failed: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static bool IsTerminal(string? state) =>
        state == KnownResourceStates.Finished || state == KnownResourceStates.Exited || state == KnownResourceStates.FailedToStart;

    private sealed class Tracked
    {
        public string? State { get; set; }
        public TimeSpan Delay { get; set; } = FirstDelay;
        public DateTime RunningSince { get; set; } = DateTime.MinValue;
    }
}
