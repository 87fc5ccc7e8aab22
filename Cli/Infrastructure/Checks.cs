using Spectre.Console;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>Combines the checks of a command's settings.</summary>
public static class Checks
{
    /// <summary>The first check that failed, or success when none did.</summary>
    public static ValidationResult All(params ValidationResult[] checks) =>
        checks.FirstOrDefault(c => !c.Successful) ?? ValidationResult.Success();
}
