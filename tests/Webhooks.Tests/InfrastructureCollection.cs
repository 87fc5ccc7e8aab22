namespace Platform.Webhooks.Tests;

/// <summary>One private Postgres and RabbitMQ for every test; each test makes its own database, queue and tenant.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<PostgresFixture>, ICollectionFixture<BrokerFixture>
{
    public const string Name = "infrastructure";
}
