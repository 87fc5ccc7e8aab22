namespace Platform.Webhooks.Dispatch;

/// <summary>
/// A claimed delivery: what to send, where, with which secrets, whether its endpoint was failing when claimed, and the
/// endpoint's environment (<c>test</c> or <c>live</c>: only test endpoints may reach loopback, in development).
/// </summary>
public sealed record DeliveryWork(
    string Id,
    string EndpointId,
    Guid EventId,
    string EventType,
    string Payload,
    int Attempt,
    int MaxAttempts,
    string Url,
    IReadOnlyList<string> Secrets,
    bool EndpointFailing,
    string Environment);

/// <summary>What one attempt got back: the status code (none when the request failed), the time taken, the error, and the start of the body.</summary>
public sealed record AttemptOutcome(int? StatusCode, int DurationMs, string? Error, string? ResponseBody)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver says the endpoint no longer exists.</summary>
    public bool Gone => StatusCode == 410;
}

/// <summary>The outcome of an attempt and what follows: another attempt after <see cref="RetryAfter"/>, or none when null.</summary>
public sealed record AttemptResult(DeliveryWork Work, AttemptOutcome Outcome, TimeSpan? RetryAfter)
{
    public string Status => Outcome.Succeeded ? "delivered" : RetryAfter is null ? "failed" : "pending";
}
