// The AppHost's orchestration that starts the fixtures' servers is Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
