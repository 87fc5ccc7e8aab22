// One platform for the whole project; its tests run one at a time against it (one of them stops its Gateway for a while).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Like the AppHost these tests drive: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
