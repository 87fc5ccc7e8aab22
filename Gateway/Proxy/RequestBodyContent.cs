using System.Net;

namespace Platform.Gateway.Proxy;

/// <summary>
/// The client's request body, streamed to the upstream as it arrives (never buffered). Remembers when Kestrel
/// refused it for exceeding the route's size limit, so the Gateway can answer 413 rather than a bad-gateway error.
/// </summary>
internal sealed class RequestBodyContent(HttpRequest request) : HttpContent
{
    public bool TooLarge { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        try
        {
            await request.Body.CopyToAsync(stream, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            TooLarge = true;
            throw;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = request.ContentLength ?? 0;
        return request.ContentLength.HasValue;
    }
}
