using DescriptionAttribute = System.ComponentModel.DescriptionAttribute;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Licenses;

public sealed class ExportLicensesSettings : PlatformSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("csv or json; default: the --output file's extension, else csv")]
    public string? Format { get; init; }

    [CommandOption("-o|--output <FILE>")]
    [Description("Where to write the export; stdout when left out")]
    public string? OutputFile { get; init; }

    public override ValidationResult Validate()
    {
        if (OutputFile is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            return ValidationResult.Error($"--output '{file}': the folder {folder} does not exist.");
        }

        return Checks.All(EnumOption.Check<LicenseExportFormat>("--format", Format), base.Validate());
    }
}

/// <summary>
/// Streams every license of the environment, as CSV or JSON (both are what import reads), into a file with a progress
/// display of the bytes and licenses written, or to stdout.
/// </summary>
public sealed class ExportLicensesCommand : PlatformCommand<ExportLicensesSettings>
{
    private const int BufferSize = 64 * 1024;

    protected override async Task<int> RunAsync(PlatformConnection connection, ExportLicensesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        using var client = connection.ManagementClient();
        var format = EnumOption.Parse<LicenseExportFormat>(settings.Format) ?? (settings.OutputFile is { } named ? ImportLicensesCommand.FormatOf(named) : null) ?? LicenseExportFormat.Csv;

        if (settings.OutputFile is null)
        {
            await using var export = await client.Licenses.ExportAsync(format, cancellationToken);
            await using var stdout = Console.OpenStandardOutput();
            await export.CopyToAsync(stdout, cancellationToken);
            return ExitCodes.Ok;
        }

        var path = Path.GetFullPath(settings.OutputFile);
        var counter = new ExportCounter(format);
        await ToFileAsync(client, format, path, counter, cancellationToken);

        var summary = new ExportSummary(path, Output.Name(format), counter.Bytes, counter.Licenses);
        if (settings.Json)
        {
            Output.Json(summary);
        }
        else
        {
            Output.Done($"Wrote {Output.Count(summary.Licenses)} license(s) ({Output.Bytes(summary.Bytes)}, {summary.Format}) to {path}.", json: false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes the export next to <paramref name="path"/> and moves it there once whole, so a broken export leaves no half file.</summary>
    private static async Task ToFileAsync(LicenseManagementClient client, LicenseExportFormat format, string path, ExportCounter counter, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        try
        {
            await Output.Err.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Exporting {Output.Name(format)}").IsIndeterminate();
                    await using var export = await client.Licenses.ExportAsync(format, cancellationToken);
                    await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
                    {
                        var buffer = new byte[BufferSize];
                        int read;
                        while ((read = await export.ReadAsync(buffer, cancellationToken)) > 0)
                        {
                            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                            counter.Add(buffer.AsSpan(0, read));
                            task.Description = $"Exporting {Output.Name(format)}: {Output.Count(counter.Licenses)} license(s), {Output.Bytes(counter.Bytes)}";
                        }
                    }

                    task.IsIndeterminate(false).Value = task.MaxValue;
                    task.StopTask();
                });

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private sealed record ExportSummary(string File, string Format, long Bytes, long Licenses);
}
