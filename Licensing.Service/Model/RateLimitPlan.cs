namespace Platform.Licensing.Model;

/// <summary>The tenant's plan, which sets its API rate limit. <see cref="Unlimited"/> is for operators (benchmarks), never sold.</summary>
public enum RateLimitPlan
{
    Builder,
    Starter,
    Professional,
    Business,
    Enterprise,
    Unlimited,
}
