namespace Platform.Gateway.RateLimiting;

/// <summary>The <c>Gateway:RateLimits</c> section: requests a window (a minute, as the reference says), sliding by the second.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>Per API key by the tenant's plan; 0 means unlimited (the operators' <c>unlimited</c> plan for benchmarks).</summary>
    public Dictionary<string, int> Plans { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["builder"] = 10,
        ["starter"] = 100,
        ["professional"] = 1_000,
        ["business"] = 10_000,
        ["enterprise"] = 50_000,
        ["unlimited"] = 0,
    };

    /// <summary>Per client address, for validation calls without an API key.</summary>
    public int AnonymousPerMinute { get; init; } = 60;

    /// <summary>Per portal session.</summary>
    public int PortalPerMinute { get; init; } = 100;

    /// <summary>The window the limits count in, in whole seconds (tests shorten it).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The partition of a client address (0: unlimited).</summary>
    public RatePartition ForAddress(string address) => new($"ip:{address}", AnonymousPerMinute > 0 ? AnonymousPerMinute : null);

    /// <summary>The partition of a portal session (0: unlimited).</summary>
    public RatePartition ForPortalSession(string tenantId, string customer) =>
        new($"portal:{tenantId}:{customer}", PortalPerMinute > 0 ? PortalPerMinute : null);

    /// <summary>The limit of a plan; a plan this Gateway does not know gets the smallest one rather than none.</summary>
    public int? ForPlan(string plan) =>
        Plans.TryGetValue(plan, out var limit) ? (limit > 0 ? limit : null) : Plans.Values.Where(v => v > 0).DefaultIfEmpty(10).Min();
}
