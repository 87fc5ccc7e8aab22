using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Products;

public sealed class ProductIdSettings : PlatformSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The product's id (prod_…)")]
    public string Id { get; init; } = "";
}

/// <summary>Shows one product.</summary>
public sealed class GetProductCommand : ManagementCommand<ProductIdSettings, Product>
{
    protected override Task<Product> CallAsync(LicenseManagementClient client, ProductIdSettings settings, CancellationToken cancellationToken) =>
        client.Products.GetAsync(settings.Id, cancellationToken);

    protected override void Show(Product answer, ProductIdSettings settings) => ProductView.Details(answer);
}
