using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace Platform.EndToEnd.Tests;

/// <summary>What the AppHost does when a process it runs dies, or an operator stops one.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RecoveryTests(PlatformFixture platform)
{
    [Fact]
    public async Task AfterSigkillOfLicensingAndPostgresThePlatformIsHealthyAgainWithin15Seconds()
    {
        var killed = new[] { "licensing", "postgres" }.ToDictionary(name => name, Pid);

        var clock = Stopwatch.StartNew();
        // A project runs as `dotnet run`, which runs the service as its child: that is the process that dies.
        var service = File.ReadAllText($"/proc/{killed["licensing"]}/task/{killed["licensing"]}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        Process.GetProcessById(int.Parse(service, System.Globalization.CultureInfo.InvariantCulture)).Kill();
        Process.GetProcessById(killed["postgres"]).Kill();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        foreach (var (name, pid) in killed)
        {
            await platform.App.ResourceNotifications.WaitForResourceAsync(name,
                e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy && PidOf(e) is { } now && now != pid,
                deadline.Token);
        }

        await PlatformFixture.WaitUntilHealthyAsync(platform.App, deadline.Token);
        using var gateway = platform.Gateway();
        while (!(await gateway.GetAsync("/api/v1/products", deadline.Token)).IsSuccessStatusCode)
        {
            await Task.Delay(200, deadline.Token);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"healthy again after {clock.Elapsed}");
    }

    [Fact]
    public async Task AResourceTheOperatorStopsStaysStoppedUntilStartedAgain()
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();

        Assert.True((await commands.ExecuteCommandAsync("webhooks", KnownResourceCommands.StopCommand)).Success);
        await platform.App.ResourceNotifications.WaitForResourceAsync("webhooks", KnownResourceStates.Finished);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState("webhooks", out var stopped));
        Assert.Equal(KnownResourceStates.Finished, stopped.Snapshot.State?.Text);

        Assert.True((await commands.ExecuteCommandAsync("webhooks", KnownResourceCommands.StartCommand)).Success);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("webhooks", deadline.Token);
    }

    private int Pid(string name)
    {
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(name, out var current));
        return PidOf(current) ?? throw new InvalidOperationException($"{name} has no process id.");
    }

    private static int? PidOf(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
