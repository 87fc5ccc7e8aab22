using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands;

public sealed class MachineIdSettings : OutputSettings
{
    [CommandOption("--product <PRODUCT_ID>")]
    [Description("The product the id is for: each product sees a different id for the same machine")]
    public string? Product { get; init; }
}

/// <summary>Prints this machine's fingerprint (<see cref="MachineFingerprint"/>), the id activations use; needs no platform.</summary>
public sealed class MachineIdCommand : Command<MachineIdSettings>
{
    public override int Execute(CommandContext context, MachineIdSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var machineId = MachineFingerprint.Compute(settings.Product);
        if (settings.Json)
        {
            Output.Json(new MachineIdAnswer(machineId, settings.Product));
        }
        else
        {
            Output.Line(machineId);
        }

        return ExitCodes.Ok;
    }

    private sealed record MachineIdAnswer(string MachineId, string? ProductId);
}
