using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Products;

public sealed class CreateProductSettings : PlatformSettings
{
    [CommandOption("--name <NAME>")]
    [Description("Its name (required)")]
    public string? Name { get; init; }

    [CommandOption("--platform <PLATFORM>")]
    [Description("Where it runs: windows, mac, linux or web; repeat for more")]
    public string[] Platforms { get; init; } = [];

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("Missing --name <NAME>: the product's name.") : base.Validate();
}

/// <summary>Creates a product.</summary>
public sealed class CreateProductCommand : ManagementCommand<CreateProductSettings, Product>
{
    protected override Task<Product> CallAsync(LicenseManagementClient client, CreateProductSettings settings, CancellationToken cancellationToken) =>
        client.Products.CreateAsync(new CreateProductRequest
        {
            Name = settings.Name!,
            Platforms = settings.Platforms.Length == 0 ? null : settings.Platforms,
        }, cancellationToken: cancellationToken);

    protected override void Show(Product answer, CreateProductSettings settings)
    {
        Output.Done($"Created {answer.Id}.", json: false);
        ProductView.Details(answer);
    }
}
