global using Platform.AppHost.Hosting;
global using Platform.AppHost.Hosting.Resources;
