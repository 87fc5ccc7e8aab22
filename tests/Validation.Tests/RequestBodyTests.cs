using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Platform.Validation.Apis;

namespace Platform.Validation.Tests;

/// <summary>
/// The validate route reads its body itself (<see cref="JsonRequestBody"/>): what it accepts, and that every body it
/// cannot take is answered in the error format with the code the framework's binder gives on the other routes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RequestBodyTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task ABodyTheRouteCannotTakeIsAnsweredWithItsStatusAndCode()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var huge = "{\"key\":\"" + new string('A', JsonRequestBody.MaxBytes) + "\"}";

        var answers = new (string Case, HttpStatusCode Status, string Code, HttpContent? Body)[]
        {
            ("no body and no content type", HttpStatusCode.BadRequest, "MISSING_FIELDS", null),
            ("plain text", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", new StringContent("{\"key\":\"x\"}", Encoding.UTF8, "text/plain")),
            ("empty", HttpStatusCode.BadRequest, "MISSING_FIELDS", Json("")),
            ("null", HttpStatusCode.BadRequest, "MISSING_FIELDS", Json("null")),
            ("a second value after the object", HttpStatusCode.BadRequest, "INVALID_JSON", Json("{\"key\":\"x\"} {}")),
            ("a string where an object belongs", HttpStatusCode.BadRequest, "VALIDATION_ERROR", Json("\"key\"")),
            ("over the limit, with its length declared", HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE", Json(huge)),
            ("over the limit, streamed", HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE", new PiecesContent(huge, "application/json")),
        };

        foreach (var (name, status, code, body) in answers)
        {
            var response = await platform.Client.PostAsync("/api/v1/validate", body);
            Assert.True(status == response.StatusCode, $"{name}: {response.StatusCode}");
            Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task ABodySentInPiecesInAnotherCharsetOrWithAByteOrderMarkIsReadWhole()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync();
        var json = $"{{\"key\":\"{key}\",\"machine_id\":\"m-1\"}}";
        var utf16 = new ByteArrayContent(Encoding.Unicode.GetBytes(json));
        utf16.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");
        var withBom = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);
        withBom.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var bodies = new (string Case, HttpContent Body)[]
        {
            ("in two pieces, chunked", new PiecesContent(json, "application/json")),
            ("charset=utf-8", new StringContent(json, Encoding.UTF8, "application/json")),
            ("UTF-16", utf16),
            ("a UTF-8 byte order mark", withBom),
            ("a JSON media type other than application/json", new StringContent(json, Encoding.UTF8, "application/vnd.api+json")),
        };

        foreach (var (name, body) in bodies)
        {
            var response = await platform.Client.PostAsync("/api/v1/validate", body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(key, (await response.JsonAsync()).GetProperty("license").GetProperty("key").GetString());
        }
    }

    [Fact]
    public void ABodyInSeveralBuffersIsParsedAsOne()
    {
        var first = new Segment("{\"key\":\"TO-AB"u8.ToArray(), 0);
        var last = first.Append("CD\",\"domain\":\"example.com\"}"u8.ToArray());

        var request = JsonRequestBody.Parse(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), ValidationJsonContext.Default.ValidateRequest);

        Assert.Equal(("TO-ABCD", "example.com"), (request.Key, request.Domain));
        var empty = Assert.Throws<BadHttpRequestException>(() => JsonRequestBody.Parse(ReadOnlySequence<byte>.Empty, ValidationJsonContext.Default.ValidateRequest));
        Assert.Equal(StatusCodes.Status400BadRequest, empty.StatusCode);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A body of unknown length (chunked), written in two pieces a moment apart.</summary>
    private sealed class PiecesContent : HttpContent
    {
        private readonly byte[] bytes;

        public PiecesContent(string text, string mediaType)
        {
            bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            await Task.Delay(100);
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
