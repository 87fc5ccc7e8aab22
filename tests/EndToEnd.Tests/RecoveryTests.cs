using Aspire.Hosting.ApplicationModel;

namespace Platform.EndToEnd.Tests;

/// <summary>What the AppHost does when an operator stops a resource (a process that dies: <see cref="FaultTests"/>).</summary>
[Collection(PlatformCollection.Name)]
public sealed class RecoveryTests(PlatformFixture platform)
{
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
}
