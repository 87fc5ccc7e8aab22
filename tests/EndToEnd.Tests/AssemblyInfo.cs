// Each test here starts the whole platform; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Like the AppHost these tests drive: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
