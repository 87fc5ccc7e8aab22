using Platform.Protos.Licensing.V1;
using Grpc.Core;
using StoredUsage = Platform.Licensing.Model.UsageRecord;

namespace Platform.Licensing.Grpc;

internal sealed partial class LicensingGrpcService
{
    private const int MaxTextLength = 256;

    public override async Task<RecordUsageResponse> RecordUsage(RecordUsageRequest request, ServerCallContext context)
    {
        if (request.Records.Count > Model.UsageRecorder.MaxBatch)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"At most {Model.UsageRecorder.MaxBatch} records in one batch."));
        }

        if (request.ReportId.Length > 64 || request.ReportId.Contains('\0'))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "report_id is at most 64 characters, without NUL."));
        }

        var now = DateTimeOffset.UtcNow;
        var records = request.Records
            // A record Postgres could not store (a NUL in an id) is dropped, never the batch with it.
            .Where(r => r.LicenseId.Length is > 0 and <= MaxTextLength && r.Result.Length is > 0 and <= 64
                && !r.LicenseId.Contains('\0') && !r.Result.Contains('\0'))
            .Select(r => new StoredUsage
            {
                LicenseId = r.LicenseId,
                // A clock far off on the sender's side is not allowed to write the future.
                OccurredAt = r.OccurredAt is null ? now : Min(r.OccurredAt.ToDateTimeOffset(), now),
                Result = r.Result,
                Domain = Truncated(r.Domain),
                Fingerprint = Truncated(r.Fingerprint),
                Count = Math.Max(1, r.Count),
            })
            .ToList();
        return new RecordUsageResponse { Recorded = await usage.RecordAsync(records, request.ReportId, context.CancellationToken) };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// At most <see cref="MaxTextLength"/> characters, not cutting a surrogate pair in two, with any NUL (which a
    /// Postgres text cannot hold) replaced: a domain or machine id is kept for reports, never allowed to fail the batch.
    /// </summary>
    private static string? Truncated(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var length = Math.Min(value.Length, MaxTextLength);
        if (length < value.Length && char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        return value[..length].Replace('\0', '\uFFFD');
    }
}
