namespace LicensePlatform.Client;

/// <summary>The answer to activate or deactivate.</summary>
/// <param name="Activated">Whether the machine is now active on the license.</param>
/// <param name="MachineId">The machine's record on the platform (<c>mach_…</c>), on activate.</param>
/// <param name="NewlyActivated">False when the machine was already active (activating again changes nothing).</param>
/// <param name="Activations">Machines active now.</param>
/// <param name="MaxActivations">How many may be; null if unlimited.</param>
/// <param name="License">The license after the change.</param>
public sealed record Activation(bool Activated, string? MachineId, bool NewlyActivated, int Activations, int? MaxActivations, LicenseInfo License);
