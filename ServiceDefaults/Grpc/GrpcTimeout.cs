using System.Globalization;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>The <c>grpc-timeout</c> header: at most eight ASCII digits followed by a unit (H, M, S, m, u, n).</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    private static readonly (long Nanoseconds, char Unit)[] Units =
        [(1, 'n'), (1_000, 'u'), (1_000_000, 'm'), (1_000_000_000, 'S'), (60_000_000_000, 'M'), (3_600_000_000_000, 'H')];

    /// <summary>The coarsest unit that states the timeout exactly; failing that, the finest that fits, rounded up so a deadline is never sent shorter.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var nanoseconds = timeout.Ticks * 100;
        string? exact = null;
        foreach (var (size, unit) in Units)
        {
            if (nanoseconds % size == 0 && nanoseconds / size <= MaxValue)
            {
                exact = (nanoseconds / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        if (exact is not null)
        {
            return exact;
        }

        foreach (var (size, unit) in Units)
        {
            var value = (nanoseconds + size - 1) / size;
            if (value <= MaxValue)
            {
                return value.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length is < 2 or > 9)
        {
            return false;
        }

        if (!long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        double? ticks = value[^1] switch
        {
            'H' => amount * (double)TimeSpan.TicksPerHour,
            'M' => amount * (double)TimeSpan.TicksPerMinute,
            'S' => amount * (double)TimeSpan.TicksPerSecond,
            'm' => amount * (double)TimeSpan.TicksPerMillisecond,
            'u' => amount * 10.0,
            'n' => amount / 100.0,
            _ => null,
        };
        if (ticks is not { } t)
        {
            return false;
        }

        timeout = t >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)Math.Ceiling(t));
        return true;
    }
}
