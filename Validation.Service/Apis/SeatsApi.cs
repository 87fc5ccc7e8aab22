using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Errors;
using Grpc.Core;
using Platform.Validation.Cache;
using Platform.Validation.Licensing;
using Platform.Validation.Model;

namespace Platform.Validation.Apis;

/// <summary>Floating seats: checkout, heartbeat and checkin, each a call to Licensing whose answer the cache takes.</summary>
internal static class SeatsApi
{
    private const string LeaseGone = "This lease is unknown or has expired; check a seat out again.";

    public static async Task<Results<Ok<SeatAnswer>, JsonHttpResult<ApiError>>> Checkout(
        SeatRequest request, HttpContext context, SnapshotCache cache, LicensingClient licensing)
    {
        if (RequestErrors.RequiredId(request.AnyClient, "client_id (or machine_id)", out var client) is { } refused)
        {
            return refused;
        }

        return await LicensingWrite.RunAsync(request.AnyKey, context, cache, (ValidationCodes.LicenseNotFound, Refusal.NotFound.Message), async key =>
        {
            var lease = await licensing.CheckoutSeatAsync(new CheckoutSeatRequest { Key = key, ClientId = client }, context.RequestAborted);
            return SeatAnswer.Of(key, lease, cache);
        });
    }

    public static async Task<Results<Ok<SeatAnswer>, JsonHttpResult<ApiError>>> Heartbeat(
        SeatRequest request, HttpContext context, SnapshotCache cache, LicensingClient licensing)
    {
        if (RequestErrors.Blank(request.AnyLease) is not { } leaseId)
        {
            return RequestErrors.Missing("lease_id");
        }

        return await LicensingWrite.RunAsync(request.AnyKey, context, cache, (ValidationCodes.LeaseNotFound, LeaseGone), async key =>
        {
            var lease = await licensing.HeartbeatSeatAsync(new HeartbeatSeatRequest { Key = key, LeaseId = leaseId }, context.RequestAborted);
            return SeatAnswer.Of(key, lease, cache);
        });
    }

    public static async Task<Results<Ok<CheckinAnswer>, JsonHttpResult<ApiError>>> Checkin(
        SeatRequest request, HttpContext context, SnapshotCache cache, LicensingClient licensing)
    {
        if (RequestErrors.Blank(request.AnyLease) is not { } leaseId)
        {
            return RequestErrors.Missing("lease_id");
        }

        return await LicensingWrite.RunAsync(request.AnyKey, context, cache, (ValidationCodes.LeaseNotFound, LeaseGone), async key =>
        {
            var response = await licensing.CheckinSeatAsync(new CheckinSeatRequest { Key = key, LeaseId = leaseId }, context.RequestAborted);
            return new CheckinAnswer(true, response.SeatsInUse);
        });
    }
}

/// <summary>A seat lease: keep it with heartbeats before <c>leaseExpiresAt</c>, give it back with checkin.</summary>
internal sealed record SeatAnswer(
    string LeaseId,
    string ClientId,
    DateTimeOffset? LeaseExpiresAt,
    int SeatsInUse,
    int? MaxSeats,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LicenseView? License)
{
    public static SeatAnswer Of(string key, SeatLease lease, SnapshotCache cache) => new(
        lease.LeaseId,
        lease.ClientId,
        LicenseView.Time(lease.LeaseExpiresAt),
        lease.SeatsInUse,
        lease.HasMaxSeats ? lease.MaxSeats : null,
        lease.License is null ? null : cache.Accept(key, lease.License).View);
}

internal sealed record CheckinAnswer(
    bool CheckedIn,
    int SeatsInUse);
