// One platform for the whole project; its tests run one at a time against it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Like the AppHost these tests drive: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
