// HTTP/1.1 load for the Gateway benchmark, and the bare Kestrel baseline it is compared with.
//   dotnet HttpBench.dll serve <port>                                  a bare Kestrel answering POST /api/v1/validate
//   dotnet HttpBench.dll load <url> [connections] [seconds] [bearer]   POSTs a validation body in a closed loop
using System.Globalization;
using Platform.Bench.Http;

return args switch
{
    ["serve", var port] => await BaselineServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture)),
    ["load", var url, .. var rest] => await LoadClient.RunAsync(
        new Uri(url),
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 64,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 10,
        rest.Length > 2 && rest[2].Length > 0 ? rest[2] : null),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HttpBench serve <port> | HttpBench load <url> [connections] [seconds] [bearer]");
    return 2;
}
