global using Platform.Validation.Extensions;
global using Platform.ServiceDefaults;
