using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Tests;

public sealed class RequiredConfigurationTests
{
    private static WebApplicationBuilder EmptyBuilder() => WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });

    [Fact]
    public void MissingConnectionStringFailsNamingTheEnvironmentVariable()
    {
        var builder = EmptyBuilder();

        var error = Assert.Throws<MissingConfigurationException>(() => builder.AddPostgresDataSource("licensingdb_missing"));

        Assert.Equal("ConnectionStrings:licensingdb_missing", error.Key);
        Assert.Contains("ConnectionStrings__licensingdb_missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingEventBusFailsNamingTheKey()
    {
        var builder = EmptyBuilder();
        builder.Configuration["ConnectionStrings:eventbus"] = " ";

        var error = Assert.Throws<MissingConfigurationException>(() => builder.AddEventBus());

        Assert.Contains("ConnectionStrings__eventbus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingServiceReferenceFailsNamingTheAspireKey()
    {
        var builder = EmptyBuilder();

        var error = Assert.Throws<MissingConfigurationException>(() => builder.AddServiceReference("ledger"));

        Assert.Contains("services__ledger__http__0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceReferenceThatIsNotAUrlIsRefused()
    {
        var builder = EmptyBuilder();
        builder.Configuration["services:ledger:http:0"] = "not a url";

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceReference("ledger"));

        Assert.Contains("services:ledger:http:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceReferenceIsReadFromTheAspireKey()
    {
        var builder = EmptyBuilder();
        builder.Configuration["services:ledger:http:0"] = "http://127.0.0.1:5123";

        Assert.Equal(new Uri("http://127.0.0.1:5123"), builder.AddServiceReference("ledger"));
    }

    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:56729/", "127.0.0.1", 56729, "/", "guest", "guest")]
    [InlineData("amqp://app:p%40ss@broker.internal/tenant-a", "broker.internal", 5672, "tenant-a", "app", "p@ss")]
    [InlineData("amqps://broker.internal", "broker.internal", 5671, "/", "guest", "guest")]
    public void AmqpConnectionStringsAreParsed(string uri, string host, int port, string vhost, string user, string password) =>
        Assert.Equal(new AmqpAddress(host, (ushort)port, vhost, user, password), AmqpAddress.Parse(uri));

    [Fact]
    public void NonAmqpEventBusIsRefused() =>
        Assert.Throws<InvalidOperationException>(() => AmqpAddress.Parse("Host=127.0.0.1;Port=5672"));
}
