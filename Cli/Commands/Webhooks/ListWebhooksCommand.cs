using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Webhooks;

/// <summary>Lists webhook endpoints.</summary>
public sealed class ListWebhooksCommand : ManagementCommand<PageSettings, Page<WebhookEndpoint>>
{
    protected override Task<Page<WebhookEndpoint>> CallAsync(LicenseManagementClient client, PageSettings settings, CancellationToken cancellationToken) =>
        client.Webhooks.ListAsync(settings.Page, settings.Limit, cancellationToken);

    protected override void Show(Page<WebhookEndpoint> answer, PageSettings settings)
    {
        WebhookView.Endpoints(answer.Data);
        Output.PageLine(answer.Pagination);
    }
}
