global using Platform.Gateway.Extensions;
global using Platform.ServiceDefaults;
