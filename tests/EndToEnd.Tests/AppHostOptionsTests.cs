using Microsoft.Extensions.Configuration;
using Platform.AppHost.Hosting;

namespace Platform.EndToEnd.Tests;

public sealed class AppHostOptionsTests
{
    [Fact]
    public void TheServicesRunInDevelopmentUnlessTheEnvironmentIsSet()
    {
        Assert.Equal("Development", Options().Environment);
        Assert.Equal("Production", Options("--AppHost:Environment=Production").Environment);
        Assert.Equal("Development", Options("--AppHost:Environment=").Environment);
    }

    private static AppHostOptions Options(params string[] args) =>
        AppHostOptions.From(new ConfigurationBuilder().AddCommandLine(["--AppHost:RepositoryRoot=" + Repository.Root, .. args]).Build());
}
