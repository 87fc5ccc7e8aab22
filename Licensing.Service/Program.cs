using Platform.Licensing.Apis;
using Platform.Licensing.Commands;
using Platform.Licensing.Infrastructure;
using Platform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

if (await LicensingCommands.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

await app.MigrateDatabaseAsync();

app.MapDefaultEndpoints();
app.MapLicensingGrpc();
app.MapLicensingApi();

await app.RunAsync();
return 0;
