using System.Text.Json.Serialization;
using Platform.Validation.Model;
using Platform.Validation.Tokens;

namespace Platform.Validation.Apis;

/// <summary>
/// 200: <c>{"valid":true,"license":{…},"validatedAt","expired","servedFromCache","offlineToken"?}</c>.
/// <c>expired</c> is true for a license past its expiry whose plan keeps access; <c>servedFromCache</c> is true when
/// Licensing could not be asked and the answer rests on a snapshot past its maximum age.
/// </summary>
internal readonly record struct ValidAnswer(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("license")] LicenseView License,
    [property: JsonPropertyName("validatedAt")] DateTimeOffset ValidatedAt,
    [property: JsonPropertyName("expired")] bool Expired,
    [property: JsonPropertyName("servedFromCache")] bool ServedFromCache,
    [property: JsonPropertyName("offlineToken"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OfflineToken? OfflineToken);

/// <summary>A refusal: the platform's error format with <c>"valid": false</c> in front.</summary>
internal sealed record RefusalAnswer(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("help")] string Help,
    [property: JsonPropertyName("servedFromCache")] bool ServedFromCache)
{
    public static RefusalAnswer Of(Refusal refusal, bool servedFromCache = false) =>
        new(false, refusal.Message, refusal.Code, $"/docs/errors#{refusal.Code}", servedFromCache);
}
