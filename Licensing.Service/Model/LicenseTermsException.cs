namespace Platform.Licensing.Model;

/// <summary>A new license's terms are incomplete or unsafe: <see cref="Field"/> names what to send.</summary>
public sealed class LicenseTermsException(string field, string why) : InvalidOperationException($"{field} {why}")
{
    public string Field { get; } = field;

    public string Why { get; } = why;
}
