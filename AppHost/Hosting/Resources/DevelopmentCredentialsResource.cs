using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// On the first start, creates the development tenant (enterprise plan) and a benchmark tenant (the
/// operator-only unlimited plan) with Licensing's <c>bootstrap</c> command, prints their keys and keeps them
/// in <c>credentials.json</c> in the data folder as <c>{"tenantId","testKey","liveKey","benchKey"}</c>.
/// Later starts find the file and leave the tenants as they are.
/// </summary>
public sealed class DevelopmentCredentialsResource(string name, ProjectResource licensing) : Resource(name)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private string? path;

    public override string Kind => "Credentials";
    public override IReadOnlyList<string> Urls => path is null ? [] : [$"file://{path}"];

    /// <summary>The file's path, known once the resource has started.</summary>
    public string Path => path ?? throw new InvalidOperationException("Not started yet.");

    internal override async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        path = System.IO.Path.Combine(context.Options.DataDir, "credentials.json");
        if (File.Exists(path))
        {
            context.Log(Name, $"kept the credentials in {path}");
            return;
        }

        var development = await BootstrapAsync(context, ["--name", "Development", "--plan", "enterprise"], cancellationToken);
        var bench = await BootstrapAsync(context, ["--name", "Benchmarks", "--plan", "unlimited"], cancellationToken);
        var credentials = new JsonObject
        {
            ["tenantId"] = development["tenantId"]!.GetValue<string>(),
            ["testKey"] = development["testKey"]!.GetValue<string>(),
            ["liveKey"] = development["liveKey"]!.GetValue<string>(),
            ["benchKey"] = bench["liveKey"]!.GetValue<string>(),
        };
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, credentials.ToJsonString(Indented), cancellationToken);
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path);
        context.Log(Name, $"development tenant {credentials["tenantId"]}: test key {credentials["testKey"]}, live key {credentials["liveKey"]}");
        context.Log(Name, $"benchmark key (no rate limit) {credentials["benchKey"]}; all kept in {path}");
    }

    internal override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(path is not null && File.Exists(path));

    private async Task<JsonNode> BootstrapAsync(ResourceContext context, string[] arguments, CancellationToken cancellationToken)
    {
        var printed = await licensing.RunCommandAsync(context, Name, ["bootstrap", .. arguments], cancellationToken);
        var json = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return JsonNode.Parse(json ?? throw new InvalidOperationException("bootstrap printed no credentials."))!;
    }
}
