using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Auth;

namespace Platform.Gateway.Tests;

public sealed class ApiKeyDigestTests
{
    private const string Key = "to_live_0123456789abcdefghijklmnopqrstuv";
    private const string OtherKey = "to_live_vutsrqponmlkjihgfedcba9876543210";

    [Fact]
    public void AConnectionRemembersTheDigestOfItsLastKeyOnly()
    {
        var items = new Dictionary<object, object?>();
        var context = Request("HTTP/1.1", items);

        Assert.Equal(ApiKeyDigest.Of(Key), ApiKeyDigest.For(context, Key));
        Assert.Single(items);
        Assert.Equal(ApiKeyDigest.Of(Key), ApiKeyDigest.For(context, new string(Key.AsSpan())));
        Assert.Equal(ApiKeyDigest.Of(OtherKey), ApiKeyDigest.For(context, OtherKey));
        Assert.Equal(ApiKeyDigest.Of(Key), ApiKeyDigest.For(context, Key));
        Assert.NotEqual(ApiKeyDigest.Of(Key), ApiKeyDigest.Of(OtherKey));
    }

    [Fact]
    public void NothingIsRememberedOnAnHttp2Connection()
    {
        var items = new Dictionary<object, object?>();

        Assert.Equal(ApiKeyDigest.Of(Key), ApiKeyDigest.For(Request("HTTP/2", items), Key));
        Assert.Empty(items);
    }

    private static DefaultHttpContext Request(string protocol, IDictionary<object, object?> items)
    {
        var context = new DefaultHttpContext();
        context.Request.Protocol = protocol;
        context.Features.Set<IConnectionItemsFeature>(new ConnectionItems(items));
        return context;
    }

    private sealed class ConnectionItems(IDictionary<object, object?> items) : IConnectionItemsFeature
    {
        public IDictionary<object, object?> Items { get; set; } = items;
    }
}
