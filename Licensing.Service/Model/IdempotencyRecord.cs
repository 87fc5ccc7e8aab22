namespace Platform.Licensing.Model;

/// <summary>The first answer to a POST sent with an <c>Idempotency-Key</c>; a retry with the same key gets it again.</summary>
public sealed class IdempotencyRecord
{
    public required string TenantId { get; init; }
    public required ApiEnvironment Environment { get; init; }
    public required string Key { get; init; }
    public required byte[] RequestHash { get; init; }
    public required int StatusCode { get; init; }
    public required string Response { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
