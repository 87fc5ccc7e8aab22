namespace Platform.Validation.Model;

/// <summary>What a validation asks about, normalised: the canonical key and the optional context.</summary>
internal readonly record struct ValidationQuery(string Key, string? Machine, string? Domain, string? ProductId, IReadOnlyList<string> Features);
