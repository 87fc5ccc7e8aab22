// The orchestrator runs children through setsid and runuser and reads /proc: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
