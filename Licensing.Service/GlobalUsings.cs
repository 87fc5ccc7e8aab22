global using Platform.Licensing.Extensions;
global using Platform.ServiceDefaults;
