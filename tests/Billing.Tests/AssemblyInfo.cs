// The AppHost's orchestration that starts the tests' Postgres is Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
