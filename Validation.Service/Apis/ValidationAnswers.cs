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
    bool Valid,
    LicenseView License,
    DateTimeOffset ValidatedAt,
    bool Expired,
    bool ServedFromCache,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OfflineToken? OfflineToken);

/// <summary>A refusal: the platform's error format with <c>"valid": false</c> in front.</summary>
internal sealed record RefusalAnswer(
    bool Valid,
    string Error,
    string Code,
    string Help,
    bool ServedFromCache)
{
    public static RefusalAnswer Of(Refusal refusal, bool servedFromCache = false) =>
        new(false, refusal.Message, refusal.Code, $"/docs/errors#{refusal.Code}", servedFromCache);
}
