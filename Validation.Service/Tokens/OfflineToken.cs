using System.Text.Json.Serialization;

namespace Platform.Validation.Tokens;

/// <summary>A signed token with the id of the key that signed it and the end of its offline use.</summary>
internal sealed record OfflineToken(
    string Token,
    string KeyId,
    DateTimeOffset OfflineUntil);
