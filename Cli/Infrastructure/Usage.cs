using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>What the command-line parser could not take (an unknown option, a missing value, a failed check), reported as exit code 2.</summary>
public static partial class Usage
{
    [GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial Regex ParameterSuffix();

    /// <summary>Prints the parser's error on stderr; the exit code.</summary>
    public static int Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not CommandAppException parse)
        {
            Output.Error(exception.Message);
            return ExitCodes.Refused;
        }

        if (parse.Pretty is { } pretty)
        {
            Output.Err.Write(pretty);
        }
        else if (parse.InnerException is { } inner && parse.Message.StartsWith("Failed to convert", StringComparison.Ordinal))
        {
            // The parser names the option's type (Nullable`1) rather than what it wanted: say what was wrong with the value.
            Output.Error(ParameterSuffix().Replace(inner.Message, ""));
        }
        else
        {
            Output.Error(parse.Message);
        }

        Output.Err.MarkupLine("[grey]Run licensectl --help, or licensectl <command> --help, for the options.[/]");
        return ExitCodes.Usage;
    }
}
