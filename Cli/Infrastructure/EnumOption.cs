using System.Text.Json;
using Spectre.Console;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>An option naming one of the SDK's enums as the platform spells it (<c>active</c>, <c>floating</c>, <c>csv</c>), in any case.</summary>
public static class EnumOption
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Output.Name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value of an option already checked with <see cref="Check{TEnum}"/>; null when not given.</summary>
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is null ? null : TryParse<TEnum>(text, out var value) ? value : throw new UsageException($"'{text}' is not one of {Names<TEnum>()}.");

    public static ValidationResult Check<TEnum>(string option, string? text)
        where TEnum : struct, Enum =>
        text is null || TryParse<TEnum>(text, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} '{text}' is not one of {Names<TEnum>()}.");

    private static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())));
}
