namespace LicensePlatform.Client.Management;

/// <summary>The format of an export; both are what an import reads.</summary>
public enum LicenseExportFormat
{
    /// <summary><c>{"licenses":[{…},…]}</c>, each entry a <see cref="PortableLicense"/>.</summary>
    Json,

    /// <summary>CSV with a header row (<c>key,productId,planId,status,…</c>): lists separated by <c>;</c>, metadata a JSON object.</summary>
    Csv,
}
