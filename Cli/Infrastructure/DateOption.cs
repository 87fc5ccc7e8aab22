using System.Globalization;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>A date option such as <c>--expires-at</c>: ISO 8601, a date alone being midnight UTC, a time without an offset UTC.</summary>
public static class DateOption
{
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>The value of an option already checked with <see cref="TryParse"/>; null when not given.</summary>
    public static DateTimeOffset? Parse(string? text) => text is null ? null : TryParse(text, out var value) ? value : throw new UsageException($"'{text}' is not a date.");

    public static Spectre.Console.ValidationResult Check(string option, string? text) =>
        text is null || TryParse(text, out _)
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"{option} '{text}' is not a date: use ISO 8601, e.g. 2027-01-31 or 2027-01-31T12:00:00Z.");
}
