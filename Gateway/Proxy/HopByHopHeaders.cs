using Microsoft.Net.Http.Headers;

namespace Platform.Gateway.Proxy;

/// <summary>Headers that describe one connection, not the message (RFC 9110 §7.6.1), and so never cross the Gateway.</summary>
internal static class HopByHopHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection,
        HeaderNames.KeepAlive,
        "Proxy-Connection",
        HeaderNames.ProxyAuthenticate,
        HeaderNames.ProxyAuthorization,
        HeaderNames.TE,
        HeaderNames.Trailer,
        HeaderNames.TransferEncoding,
        HeaderNames.Upgrade,
    };

    /// <summary>True for a hop-by-hop header, including any the message's own <c>Connection</c> header names.</summary>
    public static bool Contains(string name, IHeaderDictionary headers)
    {
        if (Names.Contains(name))
        {
            return true;
        }

        var connection = headers.Connection;
        if (connection.Count == 0)
        {
            return false;
        }

        foreach (var value in connection)
        {
            foreach (var token in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(token, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True for a hop-by-hop header of an upstream's answer, including any its <c>Connection</c> header (given unparsed) names.</summary>
    public static bool Contains(string name, System.Net.Http.Headers.HeaderStringValues connection)
    {
        if (Names.Contains(name))
        {
            return true;
        }

        foreach (var value in connection)
        {
            foreach (var token in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(token, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
