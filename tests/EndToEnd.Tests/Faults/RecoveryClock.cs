using System.Diagnostics;
using System.Globalization;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>The steps of one fault's recovery, each with the time since the recovery began (to tell where a slow recovery went).</summary>
internal sealed class RecoveryClock
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Step, TimeSpan At)> steps = [];

    public TimeSpan Elapsed => clock.Elapsed;

    public void Mark(string step) => steps.Add((step, Elapsed));

    public override string ToString() =>
        string.Join(", ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step} {s.At.TotalSeconds:0.0} s")));
}
