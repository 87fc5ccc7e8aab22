using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.Licensing.Grpc;

/// <summary>
/// Counts every call to <c>licensing.v1.Licensing</c> by method and status (<c>licensing.grpc.calls</c> on the meter
/// <c>Platform.Licensing</c>), refused calls included: it runs before <see cref="CallAuthentication"/>.
/// </summary>
internal sealed class CallMetrics : Interceptor
{
    public const string MeterName = "Platform.Licensing";

    private readonly Counter<long> calls;

    public CallMetrics(IMeterFactory meters) =>
        calls = meters.Create(MeterName).CreateCounter<long>("licensing.grpc.calls", description: "Calls to licensing.v1.Licensing, by method and status.");

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!calls.Enabled)
        {
            return await continuation(request, context);
        }

        var status = StatusCode.OK;
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = StatusCode.Cancelled;
            throw;
        }
        catch
        {
            status = StatusCode.Unknown; // what Grpc.AspNetCore answers for an exception it does not know
            throw;
        }
        finally
        {
            calls.Add(1, new KeyValuePair<string, object?>("rpc.method", CallAuthentication.MethodName(context.Method)),
                new KeyValuePair<string, object?>("rpc.grpc.status_code", status.ToString()));
        }
    }
}
