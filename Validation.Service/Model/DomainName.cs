namespace Platform.Validation.Model;

/// <summary>Domains compare case-insensitively and without a trailing dot: <c>Example.COM.</c> is <c>example.com</c>.</summary>
internal static class DomainName
{
    public const int MaxLength = 253;

    public static string Normalize(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
