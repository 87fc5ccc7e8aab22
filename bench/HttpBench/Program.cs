// HTTP/1.1 load for the Gateway benchmark, and the bare Kestrel baseline it is compared with.
//   dotnet HttpBench.dll serve <port> [h2c-port]                       a bare Kestrel answering POST /api/v1/validate
//   dotnet HttpBench.dll proxy <port> <upstream> [2]                   a minimal forwarder (HTTP/1.1, or h2c with 2): the floor for any proxy
//   dotnet HttpBench.dll load <url> [connections] [seconds] [bearer]   POSTs a validation body in a closed loop
using System.Globalization;
using Platform.Bench.Http;

return args switch
{
    ["serve", var port] => await BaselineServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), null),
    ["serve", var port, var h2cPort] => await BaselineServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), int.Parse(h2cPort, CultureInfo.InvariantCulture)),
    ["proxy", var port, var upstream, .. var version] => await MinimalProxy.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), new Uri(upstream),
        version is ["2"] ? System.Net.HttpVersion.Version20 : System.Net.HttpVersion.Version11),
    ["load", var url, .. var rest] => await LoadClient.RunAsync(
        new Uri(url),
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 64,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 10,
        rest.Length > 2 && rest[2].Length > 0 ? rest[2] : null),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HttpBench serve <port> [h2c-port] | HttpBench proxy <port> <upstream> [2] | HttpBench load <url> [connections] [seconds] [bearer]");
    return 2;
}
