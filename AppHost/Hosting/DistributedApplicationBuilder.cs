using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Hosting;

/// <summary>Collects the resources Program.cs declares; <see cref="Build"/> turns them into a runnable application.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> resources = [];

    internal DistributedApplicationBuilder(string[] args)
    {
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        Options = AppHostOptions.From(Configuration);
    }

    public IConfiguration Configuration { get; }
    public AppHostOptions Options { get; }
    public IReadOnlyList<Resource> Resources => resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }

        resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        var app = new DistributedApplication(Options, resources);
        // Under DistributedApplicationTestingBuilder the test takes the application from here and runs it itself.
        DistributedApplicationTestingBuilder.Capture(app);
        return app;
    }
}
