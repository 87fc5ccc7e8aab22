using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts.Keys;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Apis;

/// <summary>
/// Import and export, for vendors moving from another system: licenses keep their own keys (platform keys or
/// any other key of 8 to 128 letters, digits, '-', '_', '.'). JSON <c>{"licenses":[…]}</c> or CSV with a header
/// row of <see cref="Columns"/>; lists in CSV cells are separated by ';' and metadata is a JSON object.
/// An import is all or nothing.
/// </summary>
internal static class LicenseTransferApi
{
    public const int MaxImport = 1_000;
    private const int MaxImportBytes = 5 * 1024 * 1024;
    private static readonly string[] Columns =
        ["key", "productId", "planId", "status", "type", "customerEmail", "maxActivations", "maxDomains", "maxSeats", "domains", "features", "expiresAt", "metadata"];

    private static readonly HashSet<string> ListColumns = ["domains", "features"];
    private static readonly HashSet<string> NumberColumns = ["maxActivations", "maxDomains", "maxSeats"];

    public static void MapLicenseTransfer(this RouteGroupBuilder licenses)
    {
        licenses.MapPost("/import", ImportAsync);
        licenses.MapGet("/export", ExportAsync);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, CallerIdentity caller, LicensingDbContext db, LicenseIssuer issuer, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(http.Request, cancellationToken);
        if (text is null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"An import is at most {MaxImportBytes / (1024 * 1024)} MB.");
        }

        var isCsv = http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        var (entries, error) = isCsv ? FromCsv(text) : FromJson(text);
        if (error is not null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, error);
        }

        if (entries.Count is 0 or > MaxImport)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"An import holds 1 to {MaxImport} licenses.");
        }

        var scope = ApiScope.Of(caller);
        var imported = new List<License>();
        try
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var problem = new ValidationProblem($"licenses[{i}].");
                var (key, status, spec) = Read(entries[i], json.Value.SerializerOptions, problem);
                if (problem.HasErrors)
                {
                    return problem.ToResult();
                }

                // An import keeps what it brings: NewLicenseTerms refuses nothing of it.
                var license = await issuer.IssueAsync(scope.TenantId, scope.Environment, spec with { Origin = LicenseOrigin.Import }, key, cancellationToken);

                var now = DateTimeOffset.UtcNow;
                _ = status switch
                {
                    "suspended" => license.Suspend(now),
                    "revoked" => license.Revoke(now),
                    "expired" => license.Expire(ExpiryBehavior.Restrict, now),
                    _ => null,
                };
                imported.Add(license);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (LicenseReferenceException ex)
        {
            return ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, ex.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: "23505" })
        {
            return ApiErrorWriter.Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "A key in the import is already in use (or appears twice); nothing was imported.");
        }

        return TypedResults.Created("/api/v1/licenses", new { imported = imported.Count, data = await LicenseViews.ForAsync(db, imported, cancellationToken) });
    }

    private static async Task ExportAsync(HttpContext http, CallerIdentity caller, LicensingDbContext db, string? format, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            await ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, "format must be json or csv.").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"licenses.{(csv ? "csv" : "json")}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(csv ? Csv.Line(Columns) + "\n" : "{\"licenses\":[");
        var first = true;
        var licenses = LicensesApi.Scoped(db.Licenses.AsNoTracking(), ApiScope.Of(caller)).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).AsAsyncEnumerable();
        await foreach (var license in licenses.WithCancellation(cancellationToken))
        {
            var row = Row(license);
            if (csv)
            {
                await writer.WriteAsync(Csv.Line(Columns.Select(c => Cell(row[c], c))) + "\n");
            }
            else
            {
                await writer.WriteAsync((first ? "" : ",") + row.ToJsonString());
            }

            first = false;
        }

        await writer.WriteAsync(csv ? "" : "]}");
    }

    private static JsonObject Row(License license) => new()
    {
        ["key"] = license.Key,
        ["productId"] = license.ProductId,
        ["planId"] = license.PlanId,
        ["status"] = license.Status.ToString().ToLowerInvariant(),
        ["type"] = license.Type.ToString().ToLowerInvariant(),
        ["customerEmail"] = license.CustomerEmail,
        ["maxActivations"] = license.MaxActivations,
        ["maxDomains"] = license.MaxDomains,
        ["maxSeats"] = license.MaxSeats,
        ["domains"] = new JsonArray([.. license.Domains.Select(d => JsonValue.Create(d))]),
        ["features"] = new JsonArray([.. license.Features.Select(f => JsonValue.Create(f))]),
        ["expiresAt"] = license.ExpiresAt,
        ["metadata"] = JsonNode.Parse(license.Metadata),
    };

    private static string? Cell(JsonNode? value, string column) => value switch
    {
        null => null,
        JsonArray list when ListColumns.Contains(column) => string.Join(';', list.Select(v => v!.GetValue<string>())),
        JsonObject json => json.ToJsonString(),
        JsonValue plain when plain.TryGetValue<DateTimeOffset>(out var time) => time.ToString("O", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>An entry, read as a create request's body is (the same JSON options, so the same spellings).</summary>
    private static (string Key, string? Status, LicenseSpec Spec) Read(JsonObject entry, JsonSerializerOptions json, ValidationProblem problem)
    {
        var key = entry["key"]?.GetValueKind() == JsonValueKind.String ? entry["key"]!.GetValue<string>() : null;
        var kind = LicenseKeyFormat.Classify(key, out var normalized);
        if (key is null)
        {
            problem.Missing("key");
        }
        else if (kind == LicenseKeyKind.Invalid)
        {
            problem.Invalid("key", "must be a platform key or 8 to 128 letters, digits, '-', '_' or '.'");
        }

        var status = entry["status"]?.ToString();
        if (status is not (null or "active" or "suspended" or "revoked" or "expired"))
        {
            problem.Invalid("status", "must be active, suspended, revoked or expired");
        }

        CreateLicenseRequest? request = null;
        try
        {
            request = entry.Deserialize<CreateLicenseRequest>(json);
        }
        catch (JsonException ex)
        {
            problem.Invalid(ex.Path?.TrimStart('$', '.') ?? "entry", "has the wrong type");
        }

        var spec = LicenseDraft.Read(request ?? CreateLicenseRequest.Empty, problem);
        return (normalized, status, spec);
    }

    private static (List<JsonObject> Entries, string? Error) FromJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject { } root && root["licenses"] is JsonArray list && list.All(e => e is JsonObject)
                ? ([.. list.Cast<JsonObject>()], null)
                : ([], "The body must be {\"licenses\":[{…},…]}.");
        }
        catch (JsonException)
        {
            return ([], "The body is not valid JSON.");
        }
    }

    private static (List<JsonObject> Entries, string? Error) FromCsv(string text)
    {
        var records = Csv.Parse(text);
        if (records is null || records.Count == 0)
        {
            return ([], "The CSV is empty or has a quoted field that is never closed.");
        }

        var header = records[0].Select(ColumnOf).ToArray();
        if (Array.IndexOf(header, null) is >= 0 and var at)
        {
            return ([], $"Unknown CSV column '{records[0][at].Trim()}'; the columns are {string.Join(", ", Columns)} (snake_case accepted).");
        }

        var entries = new List<JsonObject>();
        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Length != header.Length)
            {
                return ([], $"CSV line {r + 1} has {records[r].Length} fields; the header has {header.Length}.");
            }

            var entry = new JsonObject();
            for (var c = 0; c < header.Length; c++)
            {
                var (value, error) = CsvValue(header[c]!, records[r][c]);
                if (error is not null)
                {
                    return ([], $"CSV line {r + 1}, column {records[0][c].Trim()}: {error}");
                }

                entry[header[c]!] = value;
            }

            entries.Add(entry);
        }

        return (entries, null);
    }

    /// <summary>The column a header names, in camelCase as exported or snake_case as the reference spells requests.</summary>
    private static string? ColumnOf(string header) => Columns.FirstOrDefault(c =>
        string.Equals(c, header.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(c), header.Trim(), StringComparison.OrdinalIgnoreCase));

    private static (JsonNode? Value, string? Error) CsvValue(string column, string cell)
    {
        if (cell.Length == 0)
        {
            return (null, null);
        }

        if (ListColumns.Contains(column))
        {
            return (new JsonArray([.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => JsonValue.Create(v))]), null);
        }

        if (NumberColumns.Contains(column))
        {
            return int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (JsonValue.Create(number), null) : (null, "is not a whole number");
        }

        if (column == "metadata")
        {
            try
            {
                return (JsonNode.Parse(cell), null);
            }
            catch (JsonException)
            {
                return (null, "is not a JSON object");
            }
        }

        return (JsonValue.Create(cell), null);
    }

    /// <summary>The body as text, or null when it is larger than an import may be.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxImportBytes + 1];
        var read = 0;
        int chunk;
        while ((chunk = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += chunk;
            if (read > MaxImportBytes)
            {
                return null;
            }
        }

        return new string(buffer, 0, read);
    }
}
