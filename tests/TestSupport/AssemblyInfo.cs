// The AppHost's Postgres and RabbitMQ resources that the fixtures start are Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
