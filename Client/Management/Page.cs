namespace LicensePlatform.Client.Management;

/// <summary>One page of a list, in the order the platform keeps (the newest first).</summary>
/// <typeparam name="T">What the list holds.</typeparam>
/// <param name="Data">The items of this page.</param>
/// <param name="Pagination">Where the page is in the whole list.</param>
public sealed record Page<T>(IReadOnlyList<T> Data, Pagination Pagination);
