using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Products;

/// <summary>How products look for people.</summary>
internal static class ProductView
{
    public static void Table(IEnumerable<Product> products)
    {
        var table = Output.Table("ID", "Name", "Platforms", "Created");
        foreach (var product in products)
        {
            table.Row(product.Id, product.Name, Output.List(product.Platforms), Output.Date(product.CreatedAt));
        }

        Output.Show(table);
    }

    public static void Details(Product product) =>
        Output.Details(product.Id,
            ("Name", product.Name),
            ("Platforms", Output.List(product.Platforms)),
            ("Metadata", product.Metadata.Count == 0 ? null : string.Join(", ", product.Metadata.Select(m => $"{m.Key}={m.Value}"))),
            ("Created", Output.Date(product.CreatedAt)));
}
