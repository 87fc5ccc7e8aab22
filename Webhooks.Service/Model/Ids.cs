using System.Security.Cryptography;

namespace Platform.Webhooks.Model;

/// <summary>Public ids (<c>whe_…</c> endpoints, <c>whd_…</c> deliveries) and signing secrets (<c>whsec_…</c>).</summary>
public static class Ids
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix) => prefix + "_" + RandomNumberGenerator.GetString(Base62, 22);

    /// <summary>A signing secret: 256 bits of randomness.</summary>
    public static string NewSecret() => "whsec_" + RandomNumberGenerator.GetString(Base62, 43);
}
