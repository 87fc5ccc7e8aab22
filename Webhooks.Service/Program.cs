using Platform.ServiceDefaults.Data;
using Platform.Webhooks.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.MapDefaultEndpoints();
app.MapWebhooksApi();

await app.RunAsync();
