using Platform.Billing.Apis;
using Platform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.MapDefaultEndpoints();
app.MapBillingApi();

await app.RunAsync();
