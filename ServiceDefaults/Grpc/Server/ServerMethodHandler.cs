using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>
/// Runs one method of a service for one HTTP/2 request: checks the request, sets up the deadline,
/// runs the handler and turns its outcome into a gRPC status.
/// </summary>
internal abstract class ServerMethodHandler(string methodPath)
{
    private GrpcServerOptions? options;

    public string MethodPath { get; } = methodPath;

    public async Task HandleAsync(HttpContext httpContext)
    {
        if (!GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType))
        {
            // Not a gRPC request at all: an HTTP answer, formatted by the error middleware.
            httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var options = this.options ??= httpContext.RequestServices.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        var response = httpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;

        TimeSpan? timeout = null;
        var timeoutHeader = httpContext.Request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0)
        {
            timeout = GrpcTimeout.TryParse(timeoutHeader, out var parsed) ? parsed : null;
        }

        using var call = new GrpcServerCall(httpContext, MethodPath, options, timeout);
        var context = new ServerCallContext(call);
        var status = await RunAsync(call, context, httpContext);
        await call.CompleteAsync(status, context.ResponseTrailers);
    }

    /// <summary>Runs the handler, racing it against the deadline so the client hears DEADLINE_EXCEEDED on time.</summary>
    private async Task<Status> RunAsync(GrpcServerCall call, ServerCallContext context, HttpContext httpContext)
    {
        if (httpContext.Request.Protocol != "HTTP/2")
        {
            return new Status(StatusCode.Internal, $"gRPC requires HTTP/2; the request used {httpContext.Request.Protocol}.");
        }

        if (call.RequestEncoding is { } encoding && encoding is not (GrpcProtocol.IdentityEncoding or GrpcProtocol.GzipEncoding))
        {
            return new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; supported: {GrpcProtocol.SupportedEncodings}.");
        }

        var handler = StartHandler(call, context);
        if (call.Deadline != DateTime.MaxValue)
        {
            var deadline = Task.Delay(Timeout.Infinite, call.CancellationToken);
            if (await Task.WhenAny(handler, deadline) == deadline && call.DeadlineExceeded)
            {
                await call.CompleteAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), context.ResponseTrailers);
                await ObserveAsync(handler);
                return default;
            }
        }

        try
        {
            await handler;
            return Status.Ok;
        }
        catch (RpcException ex)
        {
            foreach (var entry in ex.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }

            return ex.Status;
        }
        catch (OperationCanceledException) when (call.DeadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            return new Status(StatusCode.Cancelled, "Cancelled by the client.");
        }
        catch (Exception ex)
        {
            httpContext.RequestServices.GetRequiredService<ILogger<ServerMethodHandler>>()
                .LogError(ex, "gRPC handler of {Method} failed", MethodPath);
            return new Status(StatusCode.Internal, "Exception was thrown by handler.");
        }
    }

    /// <summary>A handler that throws before its first await still ends up as a faulted task.</summary>
    private Task StartHandler(GrpcServerCall call, ServerCallContext context)
    {
        try
        {
            return InvokeAsync(call, context);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    /// <summary>Runs the method's handler to completion (without the status handling).</summary>
    protected abstract Task InvokeAsync(GrpcServerCall call, ServerCallContext context);

    private static async Task ObserveAsync(Task handler)
    {
        try
        {
            await handler;
        }
        catch (Exception)
        {
            // The call already ended with DEADLINE_EXCEEDED; what the handler did afterwards is moot.
        }
    }
}
