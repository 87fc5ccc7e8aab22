// The AppHost's orchestration that starts the tests' Postgres and RabbitMQ is Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
