using System.Buffers;
using System.Text.Json;
using Platform.Validation.Cache;
using Platform.Validation.Tokens;

namespace Platform.Validation.Apis;

/// <summary>
/// The 200 of validate, written in one piece: the license's JSON is the one its cache entry serialized once
/// (<see cref="CachedLicense.ViewJson"/>) and is copied in, the rest is four fields, written into the response's pipe
/// at once with its <c>Content-Length</c>. The shape is <see cref="ValidAnswer"/>'s, which the OpenAPI document
/// declares; a test holds the two to the same bytes.
/// </summary>
internal sealed class ValidAnswerResult : IResult
{
    /// <summary>A thread's buffer is kept between answers unless an unusually large license grew it past this.</summary>
    private const int KeptBufferBytes = 16 * 1024;

    private static readonly JsonEncodedText ValidName = JsonEncodedText.Encode("valid");
    private static readonly JsonEncodedText LicenseName = JsonEncodedText.Encode("license");
    private static readonly JsonEncodedText ValidatedAtName = JsonEncodedText.Encode("validatedAt");
    private static readonly JsonEncodedText ExpiredName = JsonEncodedText.Encode("expired");
    private static readonly JsonEncodedText ServedFromCacheName = JsonEncodedText.Encode("servedFromCache");
    private static readonly JsonEncodedText OfflineTokenName = JsonEncodedText.Encode("offlineToken");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    private readonly ValidAnswer answer;
    private readonly byte[] licenseJson;

    /// <summary>The answer and the license's JSON come from the same cache entry, so they cannot disagree.</summary>
    private ValidAnswerResult(ValidAnswer answer, byte[] licenseJson)
    {
        this.answer = answer;
        this.licenseJson = licenseJson;
    }

    public static ValidAnswerResult For(CachedLicense license, DateTimeOffset validatedAt, bool expired, bool servedFromCache, OfflineToken? token) =>
        new(new ValidAnswer(true, license.View, validatedAt, expired, servedFromCache, token), license.ViewJson);

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
        writer.WriteBoolean(ValidName, answer.Valid);
        writer.WritePropertyName(LicenseName);
        writer.WriteRawValue(licenseJson, skipInputValidation: true);
        writer.WriteString(ValidatedAtName, answer.ValidatedAt);
        writer.WriteBoolean(ExpiredName, answer.Expired);
        writer.WriteBoolean(ServedFromCacheName, answer.ServedFromCache);
        if (answer.OfflineToken is { } token)
        {
            writer.WritePropertyName(OfflineTokenName);
            JsonSerializer.Serialize(writer, token, ValidationJsonContext.Default.OfflineToken);
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }
}
