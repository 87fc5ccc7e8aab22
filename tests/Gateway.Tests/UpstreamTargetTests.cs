using Microsoft.AspNetCore.Http;
using Platform.Gateway.Proxy;

namespace Platform.Gateway.Tests;

public sealed class UpstreamTargetTests
{
    [Fact]
    public void ThePathAndQueryFollowTheDestinationsBasePath()
    {
        var target = new UpstreamTarget(new Uri("http://127.0.0.1:5001/base/"));

        Assert.Equal("http://127.0.0.1:5001/base/api/v1/licenses/lic_1?page=2", target.For(Request("/api/v1/licenses/lic_1", "?page=2")).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5001/base/api/v1/licenses/lic%20x", target.For(Request("/api/v1/licenses/lic x")).AbsoluteUri);
    }

    [Fact]
    public void AUriIsReusedOnlyForTheSamePathWithoutAQuery()
    {
        var target = new UpstreamTarget(new Uri("http://validation"));

        var first = target.For(Request("/api/v1/validate"));
        Assert.Same(first, target.For(Request("/api/v1/validate")));
        Assert.Equal("http://validation/api/v1/activate", target.For(Request("/api/v1/activate")).AbsoluteUri);
        Assert.Equal("http://validation/api/v1/validate?x=1", target.For(Request("/api/v1/validate", "?x=1")).AbsoluteUri);
        Assert.Equal("http://validation/API/v1/validate", target.For(Request("/API/v1/validate")).AbsoluteUri);
    }

    private static HttpRequest Request(string path, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query is "" ? null : query);
        return context.Request;
    }
}
