// Unary round trips between two processes over loopback with Grpc.AspNetCore and Grpc.Net.Client.
//   dotnet GrpcBench.dll server               prints "PORT <n>" and serves until killed
//   dotnet GrpcBench.dll client <port> [callers] [seconds] [--baseline]
//   dotnet GrpcBench.dll licensing <grpc-url> <licensingdb-connection-string> <tenant-id> <identity-secret> [callers] [seconds]
using Platform.Bench.Grpc;

return args switch
{
    ["server"] => await BenchServer.RunAsync(),
    ["client", var port, .. var rest] => await BenchClient.RunAsync(
        int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
        rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 64,
        rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 10,
        raw: rest.Contains("--baseline")),
    ["licensing", var url, var database, var tenant, var secret, .. var more] => await LicensingBench.RunAsync(
        new Uri(url), database, tenant, secret,
        more.Length > 0 ? int.Parse(more[0], System.Globalization.CultureInfo.InvariantCulture) : 32,
        more.Length > 1 ? int.Parse(more[1], System.Globalization.CultureInfo.InvariantCulture) : 10),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GrpcBench server | GrpcBench client <port> [callers] [seconds]");
    return 2;
}
