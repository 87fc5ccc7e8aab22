using Platform.Validation.Apis;

var builder = WebApplication.CreateBuilder(args);

// First: the runtime reads it when the first socket is used.
InlineScheduling.ApplyToRuntime(builder.Configuration);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapValidationApi();

app.Run();
