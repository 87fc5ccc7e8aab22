// The fixtures' orchestration is Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
