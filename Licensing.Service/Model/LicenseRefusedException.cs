namespace Platform.Licensing.Model;

/// <summary>The license does not allow what was asked (activation, seat, domain); <see cref="Code"/> is the stable code clients see.</summary>
public sealed class LicenseRefusedException(string code, string message) : InvalidOperationException(message)
{
    public string Code { get; } = code;

    /// <summary>The refusal for <paramref name="code"/>, described from the license's state.</summary>
    public static LicenseRefusedException For(string code, License license, LicenseTerms terms) => new(code, code switch
    {
        "ACTIVATION_LIMIT_REACHED" => $"The license allows {terms.MaxActivations} machines and all are in use.",
        "NO_SEATS_AVAILABLE" => $"The license has {terms.MaxSeats} seats and all are taken.",
        "DOMAIN_LIMIT_REACHED" => $"The license allows {terms.MaxDomains} domains and all are bound.",
        "DOMAIN_MISMATCH" => "The license is not valid for this domain.",
        "LICENSE_EXPIRED" => "The license is expired.",
        _ => $"The license is {license.Status.ToString().ToLowerInvariant()}.",
    });
}
