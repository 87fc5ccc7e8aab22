global using Platform.Billing.Extensions;
global using Platform.ServiceDefaults;
