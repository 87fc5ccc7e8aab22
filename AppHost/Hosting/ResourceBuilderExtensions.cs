namespace Platform.AppHost.Hosting;

/// <summary>The declarations Program.cs makes: resources, references between them, and start order.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name, builder.Configuration.GetConnectionStringOrNull(name)));

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name) =>
        server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, server.Resource));

    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RabbitMQServerResource(name, builder.Configuration.GetConnectionStringOrNull(name)));

    /// <summary>A service of the solution, by the folder of its project relative to the repository root.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, string projectFolder) =>
        builder.AddResource(new ProjectResource(name, Path.Combine(builder.Options.RepositoryRoot, projectFolder)));

    /// <summary>On the first start, bootstraps the development and benchmark tenants through Licensing and keeps their keys in the data folder.</summary>
    public static IResourceBuilder<DevelopmentCredentialsResource> AddDevelopmentCredentials(this DistributedApplicationBuilder builder, string name, IResourceBuilder<ProjectResource> licensing) =>
        builder.AddResource(new DevelopmentCredentialsResource(name, licensing.Resource));

    /// <summary>Injects <c>ConnectionStrings__{name}</c> of the referenced database or broker.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> source)
    {
        project.Resource.References.Add(source.Resource);
        return project;
    }

    /// <summary>Injects <c>services__{name}__{endpoint}__0</c> for every endpoint of the referenced project.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> service)
    {
        project.Resource.References.Add(service.Resource);
        return project;
    }

    /// <summary>Starts the project only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> resource, IResourceBuilder<Resource> dependency) where T : Resource
    {
        resource.Resource.WaitsFor.Add(dependency.Resource);
        return resource;
    }

    /// <summary>Pins the project's http endpoint to <paramref name="port"/> (0: any free port).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> project, int port)
    {
        var endpoints = project.Resource.Endpoints;
        endpoints[endpoints.IndexOf(project.Resource.HttpEndpoint)] = new EndpointSpec("http", port, Http2Only: false);
        return project;
    }

    /// <summary>Adds an HTTP/2-only endpoint named <c>grpc</c> for the internal gRPC API.</summary>
    public static IResourceBuilder<ProjectResource> WithGrpcEndpoint(this IResourceBuilder<ProjectResource> project, int port = 0) =>
        project.WithHttp2Endpoint("grpc", port);

    /// <summary>Adds an HTTP/2-only endpoint without TLS (h2c, prior knowledge) named <paramref name="name"/>.</summary>
    public static IResourceBuilder<ProjectResource> WithHttp2Endpoint(this IResourceBuilder<ProjectResource> project, string name, int port = 0)
    {
        project.Resource.Endpoints.Add(new EndpointSpec(name, port, Http2Only: true));
        return project;
    }

    /// <summary>A parameter from configuration, or for a secret one generated once and kept in the data folder.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this DistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, builder.Configuration[$"Parameters:{name}"], secret));

    /// <summary>Sets <paramref name="name"/> to the parameter's value; the project starts once the value is known.</summary>
    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> project, string name, IResourceBuilder<ParameterResource> parameter)
    {
        project.Resource.ParameterEnvironment[name] = parameter.Resource;
        return project.WaitFor(parameter);
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> project, string name, string value)
    {
        project.Resource.Environment[name] = value;
        return project;
    }

    private static string? GetConnectionStringOrNull(this Microsoft.Extensions.Configuration.IConfiguration configuration, string name) =>
        configuration[$"ConnectionStrings:{name}"] is { Length: > 0 } value ? value : null;
}
