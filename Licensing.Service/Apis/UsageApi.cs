using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

internal sealed record UsageDay(
    DateOnly Date,
    long Validations,
    long Failures);

internal sealed record UsageEntry(
    DateTimeOffset Time,
    string Result,
    string? Domain,
    string? Machine,
    int Count);

internal sealed record UsageResponse(
    string LicenseId,
    long ValidationCount,
    DateTimeOffset? LastValidatedAt,
    IReadOnlyList<UsageDay> Daily,
    IReadOnlyList<UsageEntry> Recent);

/// <summary><c>GET /licenses/{id}/usage</c>: validations per day (UTC) over the last <c>days</c>, and the most recent ones.</summary>
internal static class UsageApi
{
    private const int RecentCount = 20;

    public static void MapUsageApi(this RouteGroupBuilder api) =>
        api.MapGet("/licenses/{id}/usage", GetAsync).WithTags("Licenses").Answers<UsageResponse>().AllowPortal();

    private static async Task<IResult> GetAsync(
        string id, CallerIdentity caller, LicensingDbContext db, UsageRecorder usage, [FromQuery] int? days, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 365)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, "days must be between 1 and 365.");
        }

        // Reports received so far count now, not at the next background fold.
        await usage.FoldAsync(waitForOthers: true, cancellationToken);

        var license = await LicensesApi.FindAsync(db.Licenses.AsNoTracking(), id, ApiScope.Of(caller), cancellationToken);
        if (license is null)
        {
            return LicenseResults.NotFound(id);
        }

        var since = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1 - (days ?? 30)), TimeSpan.Zero);
        var records = db.UsageRecords.AsNoTracking().Where(u => u.LicenseId == id);
        var daily = await db.Database.SqlQuery<UsageDay>($"""
            SELECT (occurred_at AT TIME ZONE 'UTC')::date AS "Date", sum(count)::bigint AS "Validations",
                   coalesce(sum(count) FILTER (WHERE result <> 'valid'), 0)::bigint AS "Failures"
            FROM usage_records WHERE license_id = {id} AND occurred_at >= {since}
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(cancellationToken);
        var recent = await records.OrderByDescending(u => u.OccurredAt).ThenByDescending(u => u.Id).Take(RecentCount)
            .Select(u => new UsageEntry(u.OccurredAt, u.Result, u.Domain, u.Fingerprint, u.Count))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new UsageResponse(license.Id, license.ValidationCount, license.LastValidatedAt,
            daily, recent));
    }
}
