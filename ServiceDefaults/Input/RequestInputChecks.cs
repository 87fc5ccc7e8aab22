using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Input;

/// <summary>
/// Refuses, before any route reads it, input no route can store or act on (<see cref="JsonInputScanner"/>; in query
/// values a control character or a lone surrogate): 400 <c>VALIDATION_ERROR</c> naming the field, and a JSON body that does
/// not parse: 400 <c>INVALID_JSON</c>, in every service
/// that stores what it is sent, so no route has to check for itself. A JSON body is examined where it lies in the
/// request's pipe, without consuming it: the route then reads it as it would have.
/// </summary>
internal sealed class RequestInputChecks(RequestDelegate next)
{
    /// <summary>Larger JSON bodies are left unexamined to the route, which refuses what is over its own limit.</summary>
    public const long MaxExaminedBytes = 8 * 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue && QueryProblem(request.Query) is { } queryProblem)
        {
            return Refuse(context, InputProblem.Invalid(queryProblem));
        }

        if (!IsJson(request.ContentType) || request.ContentLength is 0 or > MaxExaminedBytes
            || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return next(context);
        }

        // A small body has usually arrived whole with its headers: examined without an async frame.
        var reader = request.BodyReader;
        if (reader.TryRead(out var read))
        {
            if (read.IsCompleted)
            {
                var problem = Examine(reader, read);
                return problem is null ? next(context) : Refuse(context, problem);
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        return ExamineAsync(context, reader);
    }

    private async Task ExamineAsync(HttpContext context, PipeReader reader)
    {
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            if (read.IsCompleted)
            {
                if (Examine(reader, read) is { } problem)
                {
                    await Refuse(context, problem);
                    return;
                }

                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            if (read.Buffer.Length > MaxExaminedBytes)
            {
                break;
            }
        }

        await next(context);
    }

    /// <summary>The body's problem, if any; the body stays in the pipe, unconsumed.</summary>
    private static InputProblem? Examine(PipeReader reader, ReadResult read)
    {
        try
        {
            return JsonInputScanner.FindProblem(read.Buffer);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static string? QueryProblem(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!IsText(name))
            {
                return "A query parameter's name contains a control character or a lone surrogate.";
            }

            foreach (var value in values)
            {
                if (value is not null && !IsText(value))
                {
                    return $"The query parameter '{name}' contains a control character or a lone surrogate; send text without them.";
                }
            }
        }

        return null;
    }

    /// <summary>No control character (tab, line feed and carriage return aside) and no lone surrogate.</summary>
    private static bool IsText(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// JSON in UTF-8, the bytes the scanner reads. A body in another charset is left to the route, which transcodes it
    /// (or answers 415 for a charset it does not know).
    /// </summary>
    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';', 2)[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        && IsUtf8(contentType);

    /// <summary>No charset, or UTF-8. The header is parsed only when it names another charset: this runs on every validation.</summary>
    private static bool IsUtf8(string contentType) =>
        !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
        || contentType.EndsWith("charset=utf-8", StringComparison.OrdinalIgnoreCase)
        || !MediaTypeHeaderValue.TryParse(contentType, out var media) || media.Encoding?.CodePage == Encoding.UTF8.CodePage;

    private static Task Refuse(HttpContext context, InputProblem problem) =>
        ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, problem.Code, problem.Message);
}
