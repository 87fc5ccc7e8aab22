using System.Security.Cryptography;

namespace Platform.Testing;

/// <summary>
/// The identity secret of one test run (<c>Platform:IdentitySecret</c>): hosts that call each other over gRPC must share
/// it, as the AppHost's services do, for their service credentials to verify.
/// </summary>
public static class SharedSecret
{
    public static byte[] Value { get; } = RandomNumberGenerator.GetBytes(32);

    public static string Base64 { get; } = Convert.ToBase64String(Value);
}
