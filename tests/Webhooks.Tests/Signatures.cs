using System.Security.Cryptography;
using System.Text;

namespace Platform.Webhooks.Tests;

/// <summary>Verifies X-TO-Signature the way the README tells a vendor to, written here independently of the service's code.</summary>
internal static class Signatures
{
    public static bool Verify(ReceivedRequest request, string secret)
    {
        var timestamp = request.Headers["X-TO-Timestamp"];
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + request.Body))).ToLowerInvariant());
        return request.Headers["X-TO-Signature"].Split(',').Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate.Trim()), expected));
    }
}
