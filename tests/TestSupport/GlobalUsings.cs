global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
global using Platform.AppHost.Servers.Postgres;
global using Platform.AppHost.Servers.RabbitMQ;
