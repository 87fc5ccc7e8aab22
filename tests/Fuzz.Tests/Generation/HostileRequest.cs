using System.Net.Http.Headers;
using System.Text;

namespace Platform.Fuzz.Tests.Generation;

/// <summary>How a generated request identifies itself.</summary>
internal enum Credential
{
    /// <summary>The development tenant's admin key.</summary>
    AdminKey,

    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>An Authorization header with <see cref="HostileRequest.Garbage"/>.</summary>
    Garbage,
}

/// <summary>One generated request to a public operation.</summary>
internal sealed record HostileRequest(
    PublicOperation Operation, string Target, Credential Credential, string Garbage, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method.ToUpperInvariant()), Target);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            // As a client should for a large body: a server that refuses it answers before it is sent, and closes. Over
            // 8 KB: once in CI a 16 KB body to /activate, refused early, lost its answer to a reset (not yet explained).
            request.Headers.ExpectContinue = Body.Length > 8 * 1024;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (Credential == Credential.Garbage)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Garbage);
        }

        return request;
    }

    /// <summary>What was sent, short enough for a failure message.</summary>
    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)) + (Body.Length > 160 ? $"… ({Body.Length} bytes)" : "");
        var credential = Credential == Credential.Garbage ? $"Authorization: {ErrorFormat.Shorten(Garbage)}" : Credential.ToString();
        return $"{Operation.Method.ToUpperInvariant()} {ErrorFormat.Shorten(Target)} [{credential}] [{ContentType}] {body}";
    }

    /// <summary>The content type of a JSON body, as the client library would set it.</summary>
    public static readonly string Json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }.ToString();
}
