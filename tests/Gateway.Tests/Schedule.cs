using System.Diagnostics;

namespace Platform.Gateway.Tests;

/// <summary>Steps of a test at set times since its start.</summary>
internal static class Schedule
{
    /// <summary>Waits until <paramref name="seconds"/> since <paramref name="clock"/> started; fails if that time has passed already.</summary>
    public static async Task UntilAsync(this Stopwatch clock, double seconds)
    {
        var left = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        Assert.True(left > TimeSpan.Zero, $"the test fell behind its schedule: {clock.Elapsed.TotalSeconds:F1} s, not before {seconds} s");
        await Task.Delay(left);
    }
}
