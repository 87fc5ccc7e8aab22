using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Products;

/// <summary>Lists products, the newest first.</summary>
public sealed class ListProductsCommand : ManagementCommand<PageSettings, Page<Product>>
{
    protected override Task<Page<Product>> CallAsync(LicenseManagementClient client, PageSettings settings, CancellationToken cancellationToken) =>
        client.Products.ListAsync(settings.Page, settings.Limit, cancellationToken);

    protected override void Show(Page<Product> answer, PageSettings settings)
    {
        ProductView.Table(answer.Data);
        Output.PageLine(answer.Pagination);
    }
}
