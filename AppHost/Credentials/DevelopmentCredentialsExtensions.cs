using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Credentials;

public static class DevelopmentCredentialsExtensions
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Once Licensing is ready the first time, bootstraps the development and benchmark tenants through its
    /// <c>bootstrap</c> command and keeps their keys in <c>{data}/credentials.json</c> (mode 0600); later starts keep the file.
    /// </summary>
    public static IResourceBuilder<DevelopmentCredentialsResource> AddDevelopmentCredentials(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ProjectResource> licensing, PlatformSettings settings)
    {
        var credentials = new DevelopmentCredentialsResource(name, Path.Combine(settings.DataDir, "credentials.json"));
        var healthKey = $"{name}-written";
        builder.Services.AddHealthChecks().AddCheck(healthKey, () =>
            File.Exists(credentials.FilePath) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Not written yet."));

        licensing.OnResourceReady(async (project, e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(credentials);
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            try
            {
                if (!File.Exists(credentials.FilePath))
                {
                    await notifications.PublishUpdateAsync(credentials, s => s with { State = KnownResourceStates.Starting });
                    await WriteAsync(credentials.FilePath, project, e.Services, logger, cancellationToken);
                }

                var keys = JsonNode.Parse(await File.ReadAllTextAsync(credentials.FilePath, cancellationToken))!;
                // In the resource's console log on the dashboard, and on the AppHost's own console.
                foreach (var log in new[] { logger, e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.AppHost.Credentials") })
                {
                    log.LogInformation("development tenant {TenantId}: test key {TestKey}, live key {LiveKey}; benchmark key (no rate limit) {BenchKey}; kept in {Path}",
                        keys["tenantId"], keys["testKey"], keys["liveKey"], keys["benchKey"], credentials.FilePath);
                }

                await notifications.PublishUpdateAsync(credentials, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                    Urls = [new UrlSnapshot("file", $"file://{credentials.FilePath}", IsInternal: false)],
                });
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or JsonException)
            {
                logger.LogError(ex, "could not create the development credentials");
                await notifications.PublishUpdateAsync(credentials, s => s with { State = KnownResourceStates.FailedToStart });
            }
        });

        return builder.AddResource(credentials)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Credentials",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthKey)
            .WithParentRelationship(licensing);
    }

    /// <summary>A dashboard command on Licensing that creates a tenant (enterprise plan) and shows its keys.</summary>
    public static IResourceBuilder<ProjectResource> WithCreateTenantCommand(this IResourceBuilder<ProjectResource> licensing) =>
        licensing.WithCommand("create-tenant", "Create tenant", async context =>
        {
            var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(licensing.Resource);
            var name = $"Tenant {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}";
            try
            {
                var tenant = await BootstrapAsync(licensing.Resource, context.Services, logger, ["--name", name, "--plan", "enterprise"], context.CancellationToken);
                return CommandResults.Success($"Created {name}", tenant.ToJsonString(Indented), CommandResultFormat.Json);
            }
            catch (InvalidOperationException ex)
            {
                return CommandResults.Failure(ex.Message);
            }
        }, new CommandOptions
        {
            Description = "Creates a tenant on the enterprise plan and shows its test and live admin keys (as `bootstrap --name NAME` does).",
            IconName = "PersonAdd",
            UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });

    private static async Task WriteAsync(string path, ProjectResource licensing, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var development = await BootstrapAsync(licensing, services, logger, ["--name", "Development", "--plan", "enterprise"], cancellationToken);
        var bench = await BootstrapAsync(licensing, services, logger, ["--name", "Benchmarks", "--plan", "unlimited"], cancellationToken);
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
        File.Move(temporary, path, overwrite: true);
    }

    private static async Task<JsonNode> BootstrapAsync(ProjectResource licensing, IServiceProvider services, ILogger logger, string[] arguments, CancellationToken cancellationToken)
    {
        var printed = await LicensingCommand.RunAsync(licensing, services, logger, ["bootstrap", .. arguments], cancellationToken);
        var json = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return JsonNode.Parse(json ?? throw new InvalidOperationException("bootstrap printed no credentials."))!;
    }
}
