using System.Runtime.CompilerServices;

namespace LicensePlatform.Client.Management;

// Import and export: licenses moving in from another system with their own keys, and out again.
public sealed partial class LicensesClient
{
    /// <summary>Imports licenses with their own keys (JSON): up to 1,000 and 5 MB, all or none.</summary>
    /// <param name="licenses">The licenses.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>: the same key again answers the first import (whatever the licenses) and imports nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException"><c>VALIDATION_ERROR</c> naming the entry; <c>CONFLICT</c> when a key is in use; <c>NOT_FOUND</c> (product or plan).</exception>
    public Task<LicenseImportResult> ImportAsync(IEnumerable<PortableLicense> licenses, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenses);
        return http.SendAsync<LicenseImportResult>(HttpMethod.Post, "api/v1/licenses/import", new { licenses = licenses.ToList() }, cancellationToken,
            Routes.IdempotencyKey(idempotencyKey));
    }

    /// <summary>
    /// Imports licenses from CSV, as <see cref="ExportAsync"/> writes it: a header row naming some of <c>key</c>, <c>productId</c>,
    /// <c>planId</c>, <c>status</c>, <c>type</c>, <c>customerEmail</c>, <c>maxActivations</c>, <c>maxDomains</c>, <c>maxSeats</c>,
    /// <c>domains</c>, <c>features</c>, <c>expiresAt</c>, <c>metadata</c> (snake_case too), lists separated by <c>;</c>.
    /// </summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>, as for <see cref="ImportAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LicenseApiException">As for <see cref="ImportAsync"/>, and <c>VALIDATION_ERROR</c> naming a bad line or column.</exception>
    public async Task<LicenseImportResult> ImportCsvAsync(string csv, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        return await ImportContentAsync(content, idempotencyKey, cancellationToken);
    }

    /// <summary>Imports licenses from CSV read from <paramref name="csv"/> (UTF-8), as <see cref="ImportCsvAsync(string, string?, CancellationToken)"/>.</summary>
    /// <param name="csv">The CSV; read to its end before the call, so that a retry sends it again.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>, as for <see cref="ImportAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<LicenseImportResult> ImportCsvAsync(Stream csv, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var copy = new MemoryStream();
        await csv.CopyToAsync(copy, cancellationToken);
        using var content = new ByteArrayContent(copy.GetBuffer(), 0, (int)copy.Length);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        return await ImportContentAsync(content, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Every license of the environment in <paramref name="format"/>, as the platform streams it: read the stream as it
    /// arrives and dispose it when done.
    /// </summary>
    /// <param name="format">JSON or CSV; both are what an import reads.</param>
    /// <param name="cancellationToken">Cancels the call (and the reads that pass it on).</param>
    public async Task<Stream> ExportAsync(LicenseExportFormat format, CancellationToken cancellationToken = default)
    {
        var response = await http.SendAsync(HttpMethod.Get, Routes.WithQuery("api/v1/licenses/export", ("format", format)), null, cancellationToken,
            completion: HttpCompletionOption.ResponseHeadersRead);
        return await ResponseStream.OpenAsync(response, cancellationToken);
    }

    /// <summary>Every license of the environment as the JSON export has it, the oldest first, read as the platform streams it.</summary>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public async IAsyncEnumerable<PortableLicense> ExportAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var export = await ExportAsync(LicenseExportFormat.Json, cancellationToken);
        await foreach (var license in JsonArrayStream.ReadAsync<PortableLicense>(export, "licenses", PlatformHttp.Json, cancellationToken))
        {
            yield return license;
        }
    }

    private async Task<LicenseImportResult> ImportContentAsync(HttpContent content, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(HttpMethod.Post, "api/v1/licenses/import", content, cancellationToken, Routes.IdempotencyKey(idempotencyKey));
        return await PlatformHttp.ReadAsync<LicenseImportResult>(response, cancellationToken);
    }
}
