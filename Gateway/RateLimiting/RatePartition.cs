namespace Platform.Gateway.RateLimiting;

/// <summary>What a request counts against: an API key, a portal session or a client address, with its limit a window (null: none).</summary>
internal sealed record RatePartition(string Key, int? Limit);
