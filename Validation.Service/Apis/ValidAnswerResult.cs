using System.Buffers;
using System.Text.Json;

namespace Platform.Validation.Apis;

/// <summary>
/// The 200 of validate, written in one piece: the license's JSON is the one its cache entry serialized once
/// (<see cref="Cache.CachedLicense.ViewJson"/>) and is copied in, the rest is four fields, and the answer goes out with
/// a <c>Content-Length</c> rather than in chunks. The shape is <see cref="ValidAnswer"/>'s, which the OpenAPI document
/// declares; a test holds the two to the same bytes.
/// </summary>
internal sealed class ValidAnswerResult(ValidAnswer answer, byte[] licenseJson) : IResult
{
    /// <summary>A thread's buffer is kept between answers unless an unusually large license grew it past this.</summary>
    private const int KeptBufferBytes = 16 * 1024;

    private static readonly JsonEncodedText Valid = JsonEncodedText.Encode("valid");
    private static readonly JsonEncodedText License = JsonEncodedText.Encode("license");
    private static readonly JsonEncodedText ValidatedAt = JsonEncodedText.Encode("validatedAt");
    private static readonly JsonEncodedText Expired = JsonEncodedText.Encode("expired");
    private static readonly JsonEncodedText ServedFromCache = JsonEncodedText.Encode("servedFromCache");
    private static readonly JsonEncodedText OfflineToken = JsonEncodedText.Encode("offlineToken");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";

        // Written and copied into the response's pipe before the first await: the thread's buffer is free again after.
        var buffer = Write(answer, licenseJson);
        response.ContentLength = buffer.WrittenCount;
        var body = response.BodyWriter;
        buffer.WrittenSpan.CopyTo(body.GetSpan(buffer.WrittenCount));
        body.Advance(buffer.WrittenCount);
        if (buffer.Capacity > KeptBufferBytes)
        {
            threadBuffer = null;
            threadWriter = null;
        }

        await body.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>The answer's UTF-8 JSON, in the calling thread's buffer.</summary>
    internal static ArrayBufferWriter<byte> Write(ValidAnswer answer, byte[] licenseJson)
    {
        var buffer = threadBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = threadWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ValidationJsonContext.Default.Options.Encoder });
        writer.Reset(buffer);

        writer.WriteStartObject();
        writer.WriteBoolean(Valid, answer.Valid);
        writer.WritePropertyName(License);
        writer.WriteRawValue(licenseJson, skipInputValidation: true);
        writer.WriteString(ValidatedAt, answer.ValidatedAt);
        writer.WriteBoolean(Expired, answer.Expired);
        writer.WriteBoolean(ServedFromCache, answer.ServedFromCache);
        if (answer.OfflineToken is { } token)
        {
            writer.WritePropertyName(OfflineToken);
            JsonSerializer.Serialize(writer, token, ValidationJsonContext.Default.OfflineToken);
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }
}
