using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.ApiKeys;

/// <summary>Lists the API keys of the calling key's environment, revoked ones included.</summary>
public sealed class ListApiKeysCommand : ManagementCommand<PageSettings, Page<ApiKeyInfo>>
{
    protected override Task<Page<ApiKeyInfo>> CallAsync(LicenseManagementClient client, PageSettings settings, CancellationToken cancellationToken) =>
        client.ApiKeys.ListAsync(settings.Page, settings.Limit, cancellationToken);

    protected override void Show(Page<ApiKeyInfo> answer, PageSettings settings)
    {
        ApiKeyView.Table(answer.Data);
        Output.PageLine(answer.Pagination);
    }
}
