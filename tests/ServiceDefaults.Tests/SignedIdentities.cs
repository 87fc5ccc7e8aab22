using System.Security.Cryptography;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The secret and caller the identity tests sign with.</summary>
internal static class SignedIdentities
{
    public static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);
    public static readonly CallerIdentity Caller = new("ten_1", "live", ["admin"], "key_1", "starter");
}
