namespace Platform.Billing.Processing;

internal enum OutcomeKind
{
    /// <summary>The event changed the license (or Billing's record of it).</summary>
    Applied,

    /// <summary>Nothing to do: a newer state is already applied, the settings say so, or the event type is not one Billing acts on.</summary>
    Skipped,

    /// <summary>Cannot be applied and retrying will not help (an admin may retry it after fixing the cause).</summary>
    Failed,

    /// <summary>Something it depends on is not there yet (the license of a subscription); retried a bounded number of times.</summary>
    Waiting,

    /// <summary>Licensing or the database could not be reached; retried until it succeeds.</summary>
    Unavailable,

    /// <summary>Due later (a failed payment's grace period); processed again at <see cref="EventOutcome.NotBefore"/>.</summary>
    Deferred,

    /// <summary>Waits for the vendor: a checkout of a price with no mapping, processed again once <see cref="EventOutcome.UnmappedPriceId"/> is mapped.</summary>
    NeedsAttention,
}

/// <summary>What processing an event came to, in words an operator reads in the event list.</summary>
internal sealed record EventOutcome(OutcomeKind Kind, string Message, DateTimeOffset? NotBefore = null, string? UnmappedPriceId = null)
{
    public static EventOutcome Applied(string message) => new(OutcomeKind.Applied, message);
    public static EventOutcome Skipped(string message) => new(OutcomeKind.Skipped, message);
    public static EventOutcome Failed(string message) => new(OutcomeKind.Failed, message);
    public static EventOutcome Waiting(string message) => new(OutcomeKind.Waiting, message);
    public static EventOutcome Unavailable(string message) => new(OutcomeKind.Unavailable, message);
    public static EventOutcome Deferred(string message, DateTimeOffset until) => new(OutcomeKind.Deferred, message, until);
    public static EventOutcome UnmappedPrice(string priceId, string message) => new(OutcomeKind.NeedsAttention, message, UnmappedPriceId: priceId);
}
