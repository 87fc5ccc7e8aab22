namespace LicensePlatform.Client;

/// <summary>The body of <c>/validate</c> (camelCase, which the platform takes beside the reference's snake_case).</summary>
internal sealed record ValidationRequestBody(string Key, string? MachineId, string? Domain, string? ProductId, IReadOnlyList<string>? Features, bool OfflineToken);
