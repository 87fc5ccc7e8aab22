using Google.Protobuf.WellKnownTypes;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using SeatLease = Platform.Protos.Licensing.V1.SeatLease;
using Grpc.Core;

namespace Platform.Licensing.Grpc;

internal sealed partial class LicensingGrpcService
{
    public override async Task<SeatLease> CheckoutSeat(CheckoutSeatRequest request, ServerCallContext context)
    {
        var key = await RequireOwnKeyAsync(request.Key, context);
        if (request.ClientId.Length is 0 or > 256)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "A client_id of 1 to 256 characters is required."));
        }

        var result = await RefusalsAsync(() => seats.CheckoutAsync(key, request.ClientId, context.CancellationToken));
        return await LeaseAsync(result, key, context.CancellationToken);
    }

    public override async Task<SeatLease> HeartbeatSeat(HeartbeatSeatRequest request, ServerCallContext context)
    {
        var key = await RequireOwnKeyAsync(request.Key, context);
        var result = await RefusalsAsync(() => seats.HeartbeatAsync(key, request.LeaseId, context.CancellationToken))
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such lease, or it expired and its seat was freed."));
        return await LeaseAsync(result, key, context.CancellationToken);
    }

    public override async Task<CheckinSeatResponse> CheckinSeat(CheckinSeatRequest request, ServerCallContext context)
    {
        var key = await RequireOwnKeyAsync(request.Key, context);
        var inUse = await RefusalsAsync(() => seats.CheckinAsync(key, request.LeaseId, context.CancellationToken))
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such lease, or it expired and its seat was freed."));
        return new CheckinSeatResponse { SeatsInUse = inUse };
    }

    private async Task<SeatLease> LeaseAsync(SeatResult result, string key, CancellationToken cancellationToken)
    {
        var snapshot = await LicenseSnapshots.ReadAsync(db, result.License, key, cancellationToken);
        var lease = new SeatLease
        {
            LeaseId = result.Lease.Id,
            ClientId = result.Lease.ClientId,
            LeaseExpiresAt = Timestamp.FromDateTimeOffset(result.Lease.ExpiresAt),
            SeatsInUse = result.SeatsInUse,
            License = snapshot,
        };
        if (snapshot.HasMaxSeats)
        {
            lease.MaxSeats = snapshot.MaxSeats;
        }

        return lease;
    }
}
