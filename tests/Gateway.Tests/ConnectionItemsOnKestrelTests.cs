using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Platform.Gateway.Tests;

public sealed class ConnectionItemsOnKestrelTests
{
    [Fact]
    public async Task KestrelKeepsOneItemsDictionaryPerHttp11Connection()
    {
        // What ApiKeyDigest.For relies on: the connection's items reach the request, and stay across its requests.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/items", (HttpContext context) =>
        {
            if (context.Features.Get<IConnectionItemsFeature>()?.Items is not { } items)
            {
                return "none";
            }

            var seen = items.TryGetValue("count", out var count) ? (int)count! : 0;
            items["count"] = seen + 1;
            return (seen + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        using var client = new HttpClient();

        Assert.Equal("1", await client.GetStringAsync($"{address}/items"));
        Assert.Equal("2", await client.GetStringAsync($"{address}/items"));
        await app.StopAsync();
    }
}
