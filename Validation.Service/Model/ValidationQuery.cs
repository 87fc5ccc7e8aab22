namespace Platform.Validation.Model;

/// <summary>What a validation asks about, normalised: the canonical key and the optional context.</summary>
internal sealed record ValidationQuery(string Key, string? Machine, string? Domain, string? ProductId, IReadOnlyList<string> Features);
