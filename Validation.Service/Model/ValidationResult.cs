using Platform.Validation.Cache;

namespace Platform.Validation.Model;

/// <summary>The outcome of a validation: a license that passed, a refusal (with the license when there is one), or Licensing unreachable.</summary>
internal readonly record struct ValidationResult(CachedLicense? License, Refusal? Refusal, bool ServedFromCache, bool Unavailable = false)
{
    public bool IsValid => License is not null && Refusal is null && !Unavailable;

    public static readonly ValidationResult LicensingUnavailable = new(null, null, false, Unavailable: true);
}
