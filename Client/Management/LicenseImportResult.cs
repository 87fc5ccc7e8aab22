namespace LicensePlatform.Client.Management;

/// <summary>What an import created.</summary>
/// <param name="Imported">How many licenses it created (all of the import's).</param>
/// <param name="Data">The licenses, in the import's order.</param>
public sealed record LicenseImportResult(int Imported, IReadOnlyList<License> Data);
