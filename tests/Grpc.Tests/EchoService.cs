using System.Diagnostics;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Platform.Grpc.Tests;

/// <summary>Our implementation of interop.v1.Echo, behaving as the grpc-js one in interop/server.js.</summary>
public sealed class EchoService(EchoProbe probe) : IGrpcService
{
    public static ServiceDescriptor Descriptor => InteropReflection.Descriptor.Services[0];

    public async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        probe.Calls.Add(context.Method);
        if (request.Message == "throw")
        {
            throw new InvalidOperationException("secret internal detail");
        }

        if (request.Message == "ignore-deadline")
        {
            // A handler that never looks at its token: the deadline must still end the call on time.
            await Task.Delay(request.DelayMs, CancellationToken.None);
            return new EchoReply { Message = "too late" };
        }

        if (request.Message == "observe-cancellation")
        {
            try
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                probe.Cancelled.TrySetResult();
                throw;
            }
        }

        if (request.Message.StartsWith("unavailable-until-", StringComparison.Ordinal)
            && probe.Attempts.AddOrUpdate(request.Message, 1, (_, n) => n + 1) <= int.Parse(request.Message["unavailable-until-".Length..], System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new RpcException(StatusCode.Unavailable, "try again");
        }

        var ascii = context.RequestHeaders.GetValue("x-ascii");
        var bin = context.RequestHeaders.GetValueBytes("x-bin-bin");
        if (ascii is not null || bin is not null)
        {
            var headers = new Metadata();
            if (ascii is not null)
            {
                headers.Add("x-ascii-echo", ascii);
            }

            if (bin is not null)
            {
                headers.Add("x-bin-echo-bin", bin);
            }

            await context.WriteResponseHeadersAsync(headers);
        }

        if (request.DelayMs > 0)
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }

        if (request.FailCode != 0)
        {
            var trailers = new Metadata { { "x-error-detail", "present" } };
            throw new RpcException(new Status((StatusCode)request.FailCode, request.FailMessage), trailers);
        }

        if (ascii is not null)
        {
            context.ResponseTrailers.Add("x-ascii-trailer", ascii);
        }

        if (bin is not null)
        {
            context.ResponseTrailers.Add("x-bin-trailer-bin", bin);
        }

        return new EchoReply
        {
            Message = request.Message,
            Payload = request.ReplyPayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ReplyPayloadSize]) : request.Payload,
            MetadataAscii = ascii ?? "",
            MetadataBin = ByteString.CopyFrom(bin ?? []),
            Traceparent = context.RequestHeaders.GetValue("traceparent") ?? Activity.Current?.ParentId ?? "",
        };
    }

    public async Task Stream(StreamRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        probe.Calls.Add(context.Method);
        var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Index = i, Payload = payload });
        }
    }
}
