namespace Platform.Gateway.Proxy;

/// <summary>
/// The upstream address of a request: the destination's scheme, authority and base path, then the request's path and
/// query. The last address without a query is kept, so a route called again and again on one path (validation) does
/// not build and parse the same URI on every request.
/// </summary>
internal sealed class UpstreamTarget(Uri destination)
{
    private readonly string prefix = destination.GetLeftPart(UriPartial.Authority) + destination.AbsolutePath.TrimEnd('/');
    private Known? last;

    public Uri For(HttpRequest incoming)
    {
        var path = incoming.Path.ToUriComponent();
        if (!incoming.QueryString.HasValue)
        {
            if (last is { } known && string.Equals(known.Path, path, StringComparison.Ordinal))
            {
                return known.Uri;
            }

            var uri = new Uri(prefix + path);
            last = new Known(path, uri);
            return uri;
        }

        return new Uri(string.Concat(prefix, path, incoming.QueryString.ToUriComponent()));
    }

    private sealed record Known(string Path, Uri Uri);
}
