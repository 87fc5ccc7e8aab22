using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process (no child project is generated and built for each benchmark: the registry here is a partial copy), and
// ShortRun (3 iterations after 3 warm-ups): the script is run three times for a median.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Platform.Bench.Client.ClientBenchmarks).Assembly).Run(args, config);
