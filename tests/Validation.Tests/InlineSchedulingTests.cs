using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Validation.Extensions;

namespace Platform.Validation.Tests;

/// <summary>
/// Inline scheduling: on unless turned off, and never over the operator's own value of the runtime's variable. (For the
/// variable the decision is tested: setting it here would change the sockets of this whole test process. Kestrel's side
/// is part of the composition, so every other test of this project runs its requests inline.)
/// </summary>
public sealed class InlineSchedulingTests
{
    [Theory]
    [InlineData(null, null, "1")]
    [InlineData(null, "true", "1")]
    [InlineData(null, "false", null)]
    [InlineData("0", null, null)]
    [InlineData("1", "false", null)]
    public void TheRuntimesVariableIsSetOnlyWhenNobodyChoseOtherwise(string? current, string? setting, string? expected) =>
        Assert.Equal(expected, InlineScheduling.VariableValueToSet(current, Configuration(setting)));

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public void KestrelRunsRequestsOnTheThreadThatReadThemUnlessTurnedOff(string? setting, bool expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(Configuration(setting));
        builder.AddInlineScheduling();
        using var host = builder.Build();

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    private static IConfiguration Configuration(string? setting) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [InlineScheduling.Setting] = setting }).Build();
}
