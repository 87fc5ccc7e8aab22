using Microsoft.Extensions.Configuration;
using Platform.Validation.Extensions;

namespace Platform.Validation.Tests;

/// <summary>
/// Inline socket completions: on unless turned off, and never over the operator's own value of the variable. (The pure
/// decision is tested: setting the variable here would change the sockets of this whole test process.)
/// </summary>
public sealed class SocketCompletionsTests
{
    [Theory]
    [InlineData(null, null, "1")]
    [InlineData(null, "true", "1")]
    [InlineData(null, "false", null)]
    [InlineData("0", null, null)]
    [InlineData("1", "false", null)]
    public void TheVariableIsSetOnlyWhenNobodyChoseOtherwise(string? current, string? setting, string? expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SocketCompletions.Setting] = setting })
            .Build();

        Assert.Equal(expected, SocketCompletions.ValueToSet(current, configuration));
    }
}
