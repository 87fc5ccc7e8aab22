using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>One of the platform's services, run from its build output with the environment an Aspire AppHost would give it.</summary>
public sealed class ProjectResource(string name, string projectDirectory) : ProcessResource(name)
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    public override string Kind => "Project";
    public string ProjectDirectory { get; } = projectDirectory;
    public IList<EndpointSpec> Endpoints { get; } = [new EndpointSpec("http", 0, Http2Only: false)];
    public IList<object> References { get; } = [];
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>();
    public IDictionary<string, ParameterResource> ParameterEnvironment { get; } = new Dictionary<string, ParameterResource>();
    public override IReadOnlyList<string> Urls => [.. Endpoints.Where(e => e.AllocatedPort != 0).Select(e => e.Url)];

    public EndpointSpec HttpEndpoint => Endpoints.First(e => e.Name == "http");

    internal override Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        var dll = AssemblyPath(context);
        foreach (var endpoint in Endpoints)
        {
            endpoint.AllocatedPort = PortAllocator.Resolve(endpoint.Port);
        }

        Launch(context, new ChildProcessSpec(DotnetHost.Path, [dll], ProjectDirectory, BuildEnvironment(context)));
        return Task.CompletedTask;
    }

    /// <summary>Runs the project's binary once with <paramref name="arguments"/> (a command such as <c>bootstrap</c>) and its environment; returns what it printed.</summary>
    internal async Task<string> RunCommandAsync(ResourceContext context, string resource, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var printed = new System.Text.StringBuilder();
        await Tools.RunAsync(context, resource, new ChildProcessSpec(DotnetHost.Path, [AssemblyPath(context), .. arguments], ProjectDirectory, BuildEnvironment(context)), cancellationToken, line => printed.AppendLine(line));
        return printed.ToString();
    }

    private string AssemblyPath(ResourceContext context)
    {
        var dll = Path.Combine(ProjectDirectory, "bin", context.Options.Configuration, "net10.0", Path.GetFileName(ProjectDirectory) + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing; build first (dotnet build Platform.sln -c {context.Options.Configuration}).");
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri($"{HttpEndpoint.Url}/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The Aspire conventions: Kestrel endpoints, connection strings and <c>services__name__endpoint__0</c> of what it references.</summary>
    private Dictionary<string, string> BuildEnvironment(ResourceContext context)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = context.Options.Environment,
            ["DOTNET_ENVIRONMENT"] = context.Options.Environment,
            ["DOTNET_NOLOGO"] = "1",
            ["OTEL_SERVICE_NAME"] = Name,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var endpoint in Endpoints)
        {
            env[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = endpoint.Url;
            if (endpoint.Http2Only)
            {
                env[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] = "Http2";
            }
        }

        foreach (var reference in References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString resource:
                    env[$"ConnectionStrings__{resource.ConnectionStringName}"] = resource.GetConnectionString();
                    break;
                case ProjectResource project:
                    foreach (var endpoint in project.Endpoints)
                    {
                        env[$"services__{project.Name}__{endpoint.Name}__0"] = endpoint.Url;
                    }

                    break;
            }
        }

        if (System.Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } otlp)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
        }

        foreach (var (key, value) in Environment)
        {
            env[key] = value;
        }

        foreach (var (key, parameter) in ParameterEnvironment)
        {
            env[key] = parameter.Value;
        }

        return env;
    }
}
