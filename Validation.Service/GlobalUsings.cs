global using Microsoft.Extensions.Options;
global using Platform.Protos.Licensing.V1;
global using Platform.ServiceDefaults;
global using Platform.Validation.Extensions;
