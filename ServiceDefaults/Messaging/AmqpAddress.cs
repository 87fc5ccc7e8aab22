namespace Platform.ServiceDefaults.Messaging;

/// <summary>The parts of an <c>amqp://user:pass@host:port/vhost</c> connection string.</summary>
public sealed record AmqpAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static AmqpAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException("ConnectionStrings:eventbus must be an amqp:// URI, for example amqp://guest:guest@127.0.0.1:5672/.");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var user = userInfo[0] is { Length: > 0 } u ? Uri.UnescapeDataString(u) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var vhost = uri.AbsolutePath.TrimStart('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (ushort)(uri.Scheme == "amqps" ? 5671 : 5672) : (ushort)uri.Port;
        return new AmqpAddress(uri.Host, port, vhost, user, password);
    }
}
