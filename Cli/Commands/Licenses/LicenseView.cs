using System.Globalization;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Licenses;

/// <summary>How licenses look for people: a table of many, the fields of one.</summary>
internal static class LicenseView
{
    public static void Table(IEnumerable<License> licenses)
    {
        var table = Output.Table("ID", "Key", "Status", "Type", "Product", "Plan", "Customer", "Expires");
        foreach (var license in licenses)
        {
            table.Row(license.Id, license.Key, Output.Name(license.Status), Output.Name(license.Type), license.ProductId,
                license.PlanName ?? license.PlanId, license.CustomerEmail, license.ExpiresAt is null ? "never" : Output.Date(license.ExpiresAt));
        }

        Output.Show(table);
    }

    public static void Details(License license) =>
        Output.Details(license.Id,
            ("Key", license.Key),
            ("Status", Output.Name(license.Status)),
            ("Type", Output.Name(license.Type)),
            ("Product", license.ProductId),
            ("Plan", license.PlanId is null ? null : $"{license.PlanName} ({license.PlanId})"),
            ("Customer", license.CustomerEmail),
            ("Features", Output.List(license.Features)),
            ("Activations", $"{license.Activations} of {license.MaxActivations}"),
            ("Domains", license.MaxDomains is { } most ? $"{Output.List(license.Domains)} (at most {most.ToString(CultureInfo.InvariantCulture)})" : Output.List(license.Domains)),
            ("Seats", license.MaxSeats?.ToString(CultureInfo.InvariantCulture)),
            ("Created", Output.Date(license.CreatedAt)),
            ("Expires", license.ExpiresAt is null ? "never" : Output.Date(license.ExpiresAt)),
            ("At expiry", Output.Name(license.ExpiryBehavior)),
            ("Previous key valid until", license.PreviousKeyValidUntil is null ? null : Output.Date(license.PreviousKeyValidUntil)),
            ("Validations", $"{Output.Count(license.ValidationCount)}, last {Output.Date(license.LastValidatedAt)}"));
}
