// The AppHost's orchestration is Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
