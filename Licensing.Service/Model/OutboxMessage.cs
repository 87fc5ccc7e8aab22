namespace Platform.Licensing.Model;

/// <summary>An integration event written in the same transaction as the change it reports; a relay publishes it.</summary>
public sealed class OutboxMessage
{
    public required Guid Id { get; init; }
    public required string Type { get; init; }
    public required string TenantId { get; init; }
    public required ApiEnvironment Environment { get; init; }
    public required string AggregateId { get; init; }
    public required long Version { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
