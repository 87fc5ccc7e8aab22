using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>
/// Everything the tool prints, in one place: answers on stdout (Spectre tables for people, JSON for scripts), and
/// messages, errors and progress on stderr, so that <c>--json</c> leaves nothing but JSON on stdout.
/// </summary>
public static class Output
{
    /// <summary>How answers are written with <c>--json</c>: camelCase, indented, enums as the platform spells them.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private const string None = "—";

    /// <summary>stdout, for answers.</summary>
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>stderr, for messages, errors and progress.</summary>
    public static IAnsiConsole Err { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>An answer as JSON on stdout.</summary>
    public static void Json<T>(T answer)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(answer, JsonOptions));
        Console.Out.Flush();
    }

    /// <summary>A line of plain text on stdout (no markup).</summary>
    public static void Line(string text) => Out.WriteLine(text);

    /// <summary>A renderable (a table, a grid) on stdout.</summary>
    public static void Show(IRenderable renderable) => Out.Write(renderable);

    /// <summary>A message for people on stderr (no markup).</summary>
    public static void Note(string message) => Err.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    /// <summary>A success message for people: on stdout, or on stderr with <c>--json</c>.</summary>
    public static void Done(string message, bool json) =>
        (json ? Err : Out).MarkupLine($"[green]✓[/] {Markup.Escape(message)}");

    /// <summary>An error on stderr: <c>error: message</c>, and hints below it.</summary>
    public static void Error(string message, params string[] hints) => Problem("error", message, hints);

    /// <summary>A refusal on stderr: <c>CODE: message</c>, and hints below it.</summary>
    public static void Refusal(string code, string message, params string[] hints) => Problem(code, message, hints);

    /// <summary>A table with these columns, its rows added with <see cref="Row"/>.</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>Adds a row of plain-text cells (never read as markup).</summary>
    public static Table Row(this Table table, params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        return table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? None)).ToArray());
    }

    /// <summary>One thing's fields, name and value on each line.</summary>
    public static void Details(string title, params (string Name, string? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (name, value) in fields)
        {
            grid.AddRow(new Text(name, new Style(Color.Grey)), new Text(value ?? None));
        }

        Show(new Panel(grid).Header(Markup.Escape(title)).Border(BoxBorder.Rounded));
    }

    /// <summary>Where a page is in its list, below a table.</summary>
    public static void PageLine(Client.Management.Pagination pagination)
    {
        ArgumentNullException.ThrowIfNull(pagination);
        var more = pagination.HasMore ? $"; next: --page {pagination.Page + 1}" : "";
        Out.MarkupLine(Markup.Escape(
            $"Page {pagination.Page} of {Math.Max(pagination.TotalPages, 1)} ({Count(pagination.Total)} in all, {pagination.Limit} a page{more})"));
    }

    public static string Date(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? None;

    public static string List(IReadOnlyCollection<string>? values) =>
        values is null || values.Count == 0 ? None : string.Join(", ", values);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An enum as the platform spells it (<c>active</c>, <c>floating</c>).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB"),
    };

    private static void Problem(string label, string message, string[] hints)
    {
        Err.MarkupLine($"[red]{Markup.Escape(label)}:[/] {Markup.Escape(message)}");
        foreach (var hint in hints)
        {
            Err.MarkupLine($"  {Markup.Escape(hint)}");
        }
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            // Into a file or a pipe: wide enough that keys and ids are not wrapped inside their cells.
            console.Profile.Width = 240;
        }

        return console;
    }
}
