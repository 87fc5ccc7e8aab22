using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Operations;

/// <summary>
/// Starts again a resource that ended while the AppHost runs and nobody asked it to stop: any move into a terminal
/// state (Finished, Exited, FailedToStart) except from Stopping, which is where an operator's stop passes. So a
/// process that crashed comes back, and so does one whose start failed, for example because a dependency was down
/// at that moment (a service killed together with Postgres). The delay starts at 0.5 s, doubles to 30 s with each
/// further failure, and resets once the resource has stayed up for a minute; a start command that is refused is
/// tried again after the next delay for as long as the resource is still down.
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
                else if (IsTerminal(state) && previous is not null && !IsTerminal(previous) && previous != KnownResourceStates.Stopping)
                {
                    loggers.GetLogger(update.ResourceId).LogWarning(
                        "{Resource} ended without being asked to stop (state {State} after {Previous}, exit code {ExitCode}); starting it again in {Delay} s",
                        update.ResourceId, state, previous, update.Snapshot.ExitCode, tracked.Delay.TotalSeconds);
                    _ = RestartAsync(update.ResourceId, tracked, stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(string resourceId, Tracked tracked, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var delay = tracked.Delay;
                tracked.Delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
                await Task.Delay(delay, cancellationToken);
                if (!IsDown(resourceId))
                {
                    return; // started meanwhile, by the operator or by an earlier restart
                }

                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, cancellationToken);
                if (result.Success || !IsDown(resourceId))
                {
                    return;
                }

                loggers.GetLogger(resourceId).LogError("starting {Resource} again failed ({Error}); trying again in {Delay} s", resourceId, result.Message, tracked.Delay.TotalSeconds);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private bool IsDown(string resourceId) =>
        notifications.TryGetCurrentState(resourceId, out var current) && IsTerminal(current.Snapshot.State?.Text);

    private static bool IsTerminal(string? state) =>
        state == KnownResourceStates.Finished || state == KnownResourceStates.Exited || state == KnownResourceStates.FailedToStart;

    private sealed class Tracked
    {
        public string? State { get; set; }
        public TimeSpan Delay { get; set; } = FirstDelay;
        public DateTime RunningSince { get; set; } = DateTime.MinValue;
    }
}
