using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.Validation.Apis;

/// <summary>
/// Reads a small JSON request body the way a minimal API's body parameter does, for the hot route. The framework's
/// binder parses the content type into a header object and returns the value in a task (14 % of what a validation
/// allocated). Here a body sent as plain
/// <c>application/json</c> (or with <c>charset=utf-8</c>) is taken whole from the request's pipe and parsed from
/// that memory; any other content type goes the framework's way (JSON media types, other charsets). Failures are the
/// framework's own exceptions, so the error middleware answers them as it answers every route:
/// 400 <c>MISSING_FIELDS</c> (no body, or <c>null</c>), 400 <c>INVALID_JSON</c>, 413, 415.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>Larger bodies are refused with 413: a request of the run-time API is a few hundred bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async ValueTask<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo) where T : class
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            throw Missing(); // whatever the content type says, as the framework's binder
        }

        if (!IsPlainJson(request.ContentType))
        {
            return await ReadOtherAsync(context, typeInfo);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            var buffer = read.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.End);
                throw TooLarge();
            }

            if (read.IsCompleted)
            {
                try
                {
                    return Parse(buffer, typeInfo);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End); // nothing consumed until the whole body is here
        }
    }

    /// <summary>The content types a client or the Gateway sends; anything else is left to the framework's checks.</summary>
    public static bool IsPlainJson(string? contentType) =>
        string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase)
        || string.Equals(contentType, "application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase);

    internal static T Parse<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> typeInfo) where T : class
    {
        if (body.IsEmpty)
        {
            throw Missing();
        }

        if (body.IsSingleSegment)
        {
            return Deserialize(body.FirstSpan, typeInfo);
        }

        var copy = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(copy);
            return Deserialize(copy.AsSpan(0, (int)body.Length), typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo) where T : class
    {
        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        try
        {
            // The span overload reads exactly one value and refuses anything after it, as the framework's binder does.
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw Missing();
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    private static async ValueTask<T> ReadOtherAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo) where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The request body must be JSON.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel enforces the bound here. (Not on the fast path, which counts itself: a request over Kestrel's
            // limit is not drained after its answer, so the client may see its connection reset instead of the 413.)
            limit.MaxRequestBodySize = MaxBytes;
        }

        try
        {
            // Checks the charset (415 for one it cannot decode) and transcodes to UTF-8 where needed.
            return await request.ReadFromJsonAsync(typeInfo, context.RequestAborted) ?? throw Missing();
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    // "no body was provided": the phrase the error middleware answers with MISSING_FIELDS, as for the framework's binder.
    private static BadHttpRequestException Missing() =>
        new("A JSON body is required, but no body was provided.", StatusCodes.Status400BadRequest);

    private static BadHttpRequestException Invalid(JsonException ex) =>
        new("The request body is not valid JSON.", StatusCodes.Status400BadRequest, ex);

    private static BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {MaxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}
