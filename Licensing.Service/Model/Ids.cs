using System.Security.Cryptography;

namespace Platform.Licensing.Model;

/// <summary>Public ids: a type prefix and 22 random base62 characters (<c>ten_…</c>, <c>key_…</c>, <c>lic_…</c>).</summary>
public static class Ids
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix) => prefix + "_" + RandomNumberGenerator.GetString(Base62, 22);
}
