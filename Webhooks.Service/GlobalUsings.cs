global using Platform.Webhooks.Extensions;
global using Platform.ServiceDefaults;
