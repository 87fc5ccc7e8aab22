using System.Net;
using System.Text;
using Platform.Gateway.OpenApi;
using Scalar.AspNetCore;

namespace Platform.Gateway.Docs;

/// <summary>
/// The documentation the Gateway serves: Scalar's interactive reference at <c>/docs</c> over the merged OpenAPI
/// document, and <c>/docs/errors</c>, one section per error code (the <c>help</c> link of every error points there).
/// </summary>
internal static class DocsEndpoints
{
    public const string ErrorsPath = "/docs/errors";

    public static IEndpointRouteBuilder MapDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference("/docs", scalar => scalar
            .WithTitle("License platform API")
            .WithOpenApiRoutePattern(PublicApiDocument.Path));
        var page = ErrorsPage();
        endpoints.MapGet(ErrorsPath, () => Results.Text(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The page, built once: a table of contents and a section per code, anchored by the code.</summary>
    private static string ErrorsPage()
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error codes · License platform API</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
            .Append("section{border-top:1px solid #ddd;padding:.5rem 0}section:target{background:#fff8d6}code{font-size:1.05em}</style></head><body>")
            .Append("<h1>Error codes</h1><p>Every error answer is <code>{\"error\", \"code\", \"help\"}</code>. The <code>code</code> is stable ")
            .Append("across API versions; the <code>error</code> message may change. Interactive reference: <a href=\"/docs\">/docs</a>.</p><ul>");
        foreach (var entry in ErrorCatalog.Entries)
        {
            html.Append($"<li><a href=\"#{entry.Code}\"><code>{entry.Code}</code></a> ({entry.Status})</li>");
        }

        html.Append("</ul>");
        foreach (var entry in ErrorCatalog.Entries)
        {
            html.Append($"<section id=\"{entry.Code}\"><h2><code>{entry.Code}</code> · HTTP {entry.Status}</h2>")
                .Append($"<p>{WebUtility.HtmlEncode(entry.Meaning)}</p><p><strong>What to do:</strong> {WebUtility.HtmlEncode(entry.Remedy)}</p></section>");
        }

        return html.Append("</body></html>").ToString();
    }
}
