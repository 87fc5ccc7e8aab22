using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Platform.Validation.Extensions;

/// <summary>
/// Validation answers from memory with code that never blocks, so its I/O and its requests run on the runtime's socket
/// threads (one per core) rather than being handed to the thread pool at each step: socket completions run inline
/// (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>) and Kestrel runs a parsed request on the thread that read
/// it (<see cref="SocketTransportOptions.UnsafePreferInlineScheduling"/>). Measured on the 2-core machine, side by side
/// under the same load: 1.11–1.34× the validations a second from the first, and 1.16–1.71× again from the second
/// (README, "Configuration of the services"). The price is that a request which blocked would hold up the other
/// connections of its thread; HTTP/2 streams (the Gateway's hop) still start on the thread pool.
/// </summary>
/// <remarks>
/// <c>Validation:InlineScheduling=false</c> turns both off. The runtime reads its variable once, when the process first
/// uses a socket, so <see cref="ApplyToRuntime"/> runs first thing in <c>Program</c>, and a value the operator set for
/// the variable is kept.
/// </remarks>
internal static class InlineScheduling
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    public const string Setting = ValidationOptions.Section + ":InlineScheduling";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(Setting, defaultValue: true);

    /// <summary>Kestrel's side: part of the composition, so the tests run the requests the way the service does.</summary>
    public static void AddInlineScheduling(this IHostApplicationBuilder builder)
    {
        var enabled = Enabled(builder.Configuration);
        builder.Services.Configure<SocketTransportOptions>(sockets => sockets.UnsafePreferInlineScheduling = enabled);
    }

    /// <summary>The runtime's side, for the whole process.</summary>
    public static void ApplyToRuntime(IConfiguration configuration)
    {
        if (VariableValueToSet(Environment.GetEnvironmentVariable(Variable), configuration) is { } value)
        {
            Environment.SetEnvironmentVariable(Variable, value);
        }
    }

    /// <summary>What to set the variable to, given its current value: nothing when the operator set it or the setting is off.</summary>
    internal static string? VariableValueToSet(string? current, IConfiguration configuration) =>
        current is null && Enabled(configuration) ? "1" : null;
}
