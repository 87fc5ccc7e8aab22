// The AppHost's Postgres and RabbitMQ resources are Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
