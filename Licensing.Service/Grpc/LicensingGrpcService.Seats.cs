using Google.Protobuf.WellKnownTypes;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using SeatLease = Platform.Protos.Licensing.V1.SeatLease;
using Platform.ServiceDefaults.Grpc;

namespace Platform.Licensing.Grpc;

internal sealed partial class LicensingGrpcService
{
    public async Task<SeatLease> CheckoutSeat(CheckoutSeatRequest request, ServerCallContext context)
    {
        var key = RequireKey(request.Key);
        if (request.ClientId.Length is 0 or > 256)
        {
            throw new RpcException(StatusCode.InvalidArgument, "A client_id of 1 to 256 characters is required.");
        }

        var result = await RefusalsAsync(() => seats.CheckoutAsync(key, request.ClientId, context.CancellationToken));
        return await LeaseAsync(result, key, context.CancellationToken);
    }

    public async Task<SeatLease> HeartbeatSeat(HeartbeatSeatRequest request, ServerCallContext context)
    {
        var key = RequireKey(request.Key);
        var result = await RefusalsAsync(() => seats.HeartbeatAsync(key, request.LeaseId, context.CancellationToken))
            ?? throw new RpcException(StatusCode.NotFound, "No such lease, or it expired and its seat was freed.");
        return await LeaseAsync(result, key, context.CancellationToken);
    }

    public async Task<CheckinSeatResponse> CheckinSeat(CheckinSeatRequest request, ServerCallContext context)
    {
        var key = RequireKey(request.Key);
        var inUse = await RefusalsAsync(() => seats.CheckinAsync(key, request.LeaseId, context.CancellationToken))
            ?? throw new RpcException(StatusCode.NotFound, "No such lease, or it expired and its seat was freed.");
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
