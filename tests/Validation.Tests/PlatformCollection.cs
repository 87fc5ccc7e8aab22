namespace Platform.Validation.Tests;

/// <summary>One private Postgres and RabbitMQ for every test here; each test makes its own database and tenant.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PostgresFixture>, ICollectionFixture<BrokerFixture>
{
    public const string Name = "platform";
}
