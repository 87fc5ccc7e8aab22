using System.Text.Json.Serialization;

namespace Platform.Validation.Tokens;

/// <summary>A signed token with the id of the key that signed it and the end of its offline use.</summary>
internal sealed record OfflineToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("offlineUntil")] DateTimeOffset OfflineUntil);
