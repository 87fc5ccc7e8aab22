using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Json;

namespace Platform.ServiceDefaults.Tests;

public sealed class RequestNamingTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = RequestNaming.AcceptingSnakeCase(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };
    private static readonly JsonSerializerOptions Generated = new(NamingContext.Default.Options)
    {
        TypeInfoResolver = RequestNaming.AcceptingSnakeCase(NamingContext.Default),
    };

    [Theory]
    [InlineData("""{"productId":"prod_1","maxActivations":3}""")]
    [InlineData("""{"product_id":"prod_1","max_activations":3}""")]
    [InlineData("""{"PRODUCT_ID":"prod_1","MaxActivations":3}""")]
    public void ARequestReadsTheSameInCamelCaseAndSnakeCase(string json)
    {
        Assert.Equal(new Draft("prod_1", 3), JsonSerializer.Deserialize<Draft>(json, Web));
        var settable = JsonSerializer.Deserialize<SettableDraft>(json, Web)!;
        Assert.Equal(("prod_1", 3), (settable.ProductId, settable.MaxActivations));
    }

    [Fact]
    public void AnAnswerIsWrittenOnceInCamelCase() =>
        Assert.Equal("""{"productId":"prod_1","maxActivations":3}""", JsonSerializer.Serialize(new Draft("prod_1", 3), Web));

    [Fact]
    public void ANameTheTypeAlreadyUsesIsNotTakenByAnAlias()
    {
        var read = JsonSerializer.Deserialize<Spellings>("""{"licenseKey":"a","license_key":"b"}""", Web)!;

        Assert.Equal(("a", "b"), (read.LicenseKey, read.Snake));
    }

    [Fact]
    public void AGeneratedContextGetsTheAliasesToo()
    {
        var read = JsonSerializer.Deserialize<SettableDraft>("""{"product_id":"prod_1","max_activations":3}""", Generated)!;

        Assert.Equal(("prod_1", 3), (read.ProductId, read.MaxActivations));
    }

    [Fact]
    public void AValueOfTheWrongTypeNamesTheFieldAsSent()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Draft>("""{"max_activations":"three"}""", Web));

        Assert.Equal("$.max_activations", error.Path);
    }

    internal sealed record Draft(string? ProductId, int? MaxActivations);

    internal sealed class SettableDraft
    {
        public string? ProductId { get; set; }
        public int? MaxActivations { get; set; }
    }

    internal sealed class Spellings
    {
        public string? LicenseKey { get; set; }
        [JsonPropertyName("license_key")] public string? Snake { get; set; }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RequestNamingTests.SettableDraft))]
internal sealed partial class NamingContext : JsonSerializerContext;
