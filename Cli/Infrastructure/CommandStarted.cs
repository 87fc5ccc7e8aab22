using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>Notes that the parser got as far as starting a command (rather than printing help or failing to parse).</summary>
public sealed class CommandStarted : ICommandInterceptor
{
    public bool Started { get; private set; }

    public void Intercept(CommandContext context, CommandSettings settings) => Started = true;
}
