// Helpers of bench/validation.sh.
//   seed <licensingdb connection string> <tenant id> <count> <keys file>   inserts licenses, writes their keys
//   bare                                                                   a bare Kestrel endpoint; prints "PORT <n>"
//   load <url> <keys file> <connections> <seconds> [random|sequential]     a load generator (when wrk is missing)
using System.Globalization;
using Platform.Bench.Validation;

return args switch
{
    ["seed", var database, var tenant, var count, var file] => await Seeder.RunAsync(database, tenant, int.Parse(count, CultureInfo.InvariantCulture), file),
    ["bare"] => await BareEndpoint.RunAsync(),
    ["load", var url, var file, var connections, var seconds, .. var mode] => await LoadGenerator.RunAsync(
        new Uri(url), file, int.Parse(connections, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture), mode is ["sequential"]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ValidationBench seed <db> <tenant> <count> <file> | bare | load <url> <file> <connections> <seconds> [random|sequential]");
    return 2;
}
