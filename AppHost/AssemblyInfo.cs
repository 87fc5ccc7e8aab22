// The orchestrator starts children in process groups of their own (setpgid, through perl), through runuser, and reads /proc: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
