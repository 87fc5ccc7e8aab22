using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Webhooks;

/// <summary>
/// Here <c>--url</c> is the endpoint's address, so the platform's own URL is <c>--api-url</c> (or <c>LICENSE_API_URL</c>),
/// the name every command also takes.
/// </summary>
public sealed class CreateWebhookSettings : ConnectionSettings
{
    [CommandOption("--api-url <URL>")]
    [Description("The platform's URL (its Gateway); default: the LICENSE_API_URL environment variable")]
    public string? ApiUrl { get; init; }

    [CommandOption("--url <URL>")]
    [Description("Where the events are sent: an absolute http(s) URL (required)")]
    public string? EndpointUrl { get; init; }

    [CommandOption("--event <EVENT>")]
    [Description("An event type it receives, e.g. license.created, or * for all; repeat for more (required)")]
    public string[] Events { get; init; } = [];

    [CommandOption("--description <TEXT>")]
    [Description("A note")]
    public string? Description { get; init; }

    [CommandOption("--disabled")]
    [Description("Create it disabled")]
    public bool Disabled { get; init; }

    public override string? PlatformUrl => ApiUrl;

    public override string PlatformUrlOption => "--api-url";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(EndpointUrl))
        {
            return ValidationResult.Error("Missing --url <URL>: where the events are sent (the platform's own URL is --api-url here).");
        }

        if (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return ValidationResult.Error($"--url '{EndpointUrl}' is not an absolute http:// or https:// URL.");
        }

        return Events.Length == 0 ? ValidationResult.Error("Missing --event <EVENT>: at least one event type, or * for all.") : base.Validate();
    }
}

/// <summary>Creates a webhook endpoint and prints its signing secret, which the platform shows this once only.</summary>
public sealed class CreateWebhookCommand : ManagementCommand<CreateWebhookSettings, CreatedWebhookEndpoint>
{
    protected override Task<CreatedWebhookEndpoint> CallAsync(LicenseManagementClient client, CreateWebhookSettings settings, CancellationToken cancellationToken) =>
        client.Webhooks.CreateAsync(new CreateWebhookRequest
        {
            Url = new Uri(settings.EndpointUrl!),
            Events = settings.Events,
            Description = settings.Description,
            Enabled = settings.Disabled ? false : null,
        }, cancellationToken);

    protected override void Show(CreatedWebhookEndpoint answer, CreateWebhookSettings settings)
    {
        Output.Done($"Created {answer.Endpoint.Id}.", json: false);
        WebhookView.Endpoints([answer.Endpoint]);
        Output.Line($"Signing secret (shown this once only; keep it): {answer.Secret}");
    }
}
