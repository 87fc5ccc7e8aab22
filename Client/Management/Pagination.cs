namespace LicensePlatform.Client.Management;

/// <summary>Where a <see cref="Page{T}"/> is in its list.</summary>
/// <param name="Page">The page's number, from 1.</param>
/// <param name="Limit">How many items a page holds at most (1–100).</param>
/// <param name="Total">How many items the whole list has.</param>
/// <param name="TotalPages">How many pages of <paramref name="Limit"/> the list has.</param>
/// <param name="HasMore">Whether pages follow this one.</param>
public sealed record Pagination(int Page, int Limit, long Total, long TotalPages, bool HasMore);
