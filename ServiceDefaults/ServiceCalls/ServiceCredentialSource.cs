using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.ServiceCalls;

/// <summary>
/// This service's own <see cref="ServiceCredential"/>, signed once and again a minute later (well within its five-minute
/// lifetime), so every call carries the same token for a minute and the receiver verifies it once.
/// </summary>
public sealed class ServiceCredentialSource(string service, IdentitySecret secret, TimeProvider clock)
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);
    private Signed? current;

    public string Current
    {
        get
        {
            var now = clock.GetUtcNow();
            if (current is { } signed && now < signed.RenewAt)
            {
                return signed.Token;
            }

            var renewed = new Signed(ServiceCredential.Sign(service, secret.Value, now), now + Renewal);
            current = renewed;
            return renewed.Token;
        }
    }

    private sealed record Signed(string Token, DateTimeOffset RenewAt);
}
