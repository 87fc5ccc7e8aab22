namespace Platform.Webhooks.Dispatch;

/// <summary>A claimed delivery: what to send, where, and with which secrets.</summary>
public sealed record DeliveryWork(
    string Id,
    string EndpointId,
    Guid EventId,
    string EventType,
    string Payload,
    int Attempt,
    int MaxAttempts,
    string Url,
    IReadOnlyList<string> Secrets);

/// <summary>What one attempt got back: the status code (none when the request failed), the time taken, the error, and the start of the body.</summary>
public sealed record AttemptOutcome(int? StatusCode, int DurationMs, string? Error, string? ResponseBody)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver says the endpoint no longer exists.</summary>
    public bool Gone => StatusCode == 410;
}
