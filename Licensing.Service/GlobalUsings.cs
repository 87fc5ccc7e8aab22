global using Platform.Licensing.Extensions;
global using Platform.ServiceDefaults;
global using Platform.ServiceDefaults.Apis;
