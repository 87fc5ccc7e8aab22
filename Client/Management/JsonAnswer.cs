namespace LicensePlatform.Client.Management;

/// <summary>Reads a part of an answer already parsed, failing as <see cref="PlatformHttp.ReadAsync{T}"/> does.</summary>
internal static class JsonAnswer
{
    public static T Read<T>(JsonElement answer)
    {
        try
        {
            return answer.Deserialize<T>(PlatformHttp.Json) ?? throw new JsonException("The answer is null.");
        }
        catch (JsonException ex)
        {
            throw new LicensePlatformUnavailableException($"The platform's answer could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>The <c>secret</c> of an answer that shows one.</summary>
    public static string Secret(JsonElement answer) =>
        Read<SecretOnly>(answer).Secret is { Length: > 0 } secret ? secret : throw new LicensePlatformUnavailableException("The platform's answer has no secret.");

    private sealed record SecretOnly(string? Secret);
}
