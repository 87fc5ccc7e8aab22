using System.Security.Cryptography;
using System.Text;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// <c>X-TO-Signature</c>: lower-case hex of HMAC-SHA256(secret, timestamp + "." + body), the secret taken as
/// its UTF-8 text. While a rotated-out secret is still valid, the header carries one signature per secret,
/// newest first, separated by commas; a receiver accepts the request when any of them matches.
/// </summary>
public static class WebhookSignature
{
    public static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static string Header(IEnumerable<string> secrets, long timestamp, string body) =>
        string.Join(',', secrets.Select(s => Compute(s, timestamp, body)));
}
