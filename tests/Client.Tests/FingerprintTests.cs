namespace Platform.Client.Tests;

/// <summary>The machine fingerprint: stable, different per product, never the raw id.</summary>
public sealed class FingerprintTests
{
    [Fact]
    public void TheFingerprintIsStableDiffersPerProductAndIsNotTheMachinesOwnId()
    {
        var a = MachineFingerprint.Compute("prod_a");

        Assert.Equal(a, MachineFingerprint.Compute("prod_a"));
        Assert.NotEqual(a, MachineFingerprint.Compute("prod_b"));
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.DoesNotContain(File.ReadAllText("/etc/machine-id").Trim(), a, StringComparison.Ordinal);
        Assert.Equal(MachineFingerprint.Hash("prod_a", File.ReadAllText("/etc/machine-id").Trim()), a);
    }
}
