namespace Platform.Client.Tests;

/// <summary>Clients of the test platform, each with a cache folder of its own (deleted with the test's <see cref="TempFolder"/>).</summary>
internal static class ClientFactory
{
    public static LicenseClient RuntimeClient(this PlatformFixture platform, TempFolder cache, Action<LicenseClientOptions>? configure = null) =>
        new(platform.Options(cache, configure));

    public static LicenseClientOptions Options(this PlatformFixture platform, TempFolder cache, Action<LicenseClientOptions>? configure = null)
    {
        var options = new LicenseClientOptions
        {
            BaseAddress = platform.Url("gateway"),
            ApiKey = platform.Credentials().GetProperty("testKey").GetString(),
            CacheDirectory = cache.Path,
            RetryDelay = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return options;
    }
}

/// <summary>A folder of the test's own, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("license-client-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
