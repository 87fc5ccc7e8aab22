using DescriptionAttribute = System.ComponentModel.DescriptionAttribute;
using System.Text.Json;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Licenses;

public sealed class ImportLicensesSettings : PlatformSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A .csv file (as licenses export writes it: a header row, lists separated by ;) or a .json file ({\"licenses\":[…]} or an array)")]
    public string File { get; init; } = "";

    public override ValidationResult Validate()
    {
        if (ImportLicensesCommand.FormatOf(File) is null)
        {
            return ValidationResult.Error($"'{File}': the file must end in .csv or .json, which says how to read it.");
        }

        return System.IO.File.Exists(File) ? base.Validate() : ValidationResult.Error($"'{File}': no such file.");
    }
}

/// <summary>
/// Imports licenses with their own keys from a CSV or JSON file, all or none, showing the upload and the platform's work
/// on stderr.
/// </summary>
public sealed class ImportLicensesCommand : PlatformCommand<ImportLicensesSettings>
{
    public static LicenseExportFormat? FormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".CSV" => LicenseExportFormat.Csv,
        ".JSON" => LicenseExportFormat.Json,
        _ => null,
    };

    protected override async Task<int> RunAsync(PlatformConnection connection, ImportLicensesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        using var client = connection.ManagementClient();
        var file = new FileInfo(settings.File);
        var format = FormatOf(file.Name)!.Value;

        var result = await Output.Err.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var reading = progress.AddTask($"Reading {file.Name} ({Output.Bytes(file.Length)})", maxValue: Math.Max(file.Length, 1));
                var importing = progress.AddTask("Uploading and importing", autoStart: false).IsIndeterminate();
                await using var stream = new ProgressStream(file.OpenRead(), read => reading.Increment(read), () =>
                {
                    reading.Value = reading.MaxValue;
                    reading.StopTask();
                    importing.StartTask();
                });

                var imported = format == LicenseExportFormat.Csv
                    ? await client.Licenses.ImportCsvAsync(stream, cancellationToken: cancellationToken)
                    : await ImportJsonAsync(client, stream, file.Name, importing, cancellationToken);
                importing.IsIndeterminate(false).Value = importing.MaxValue;
                importing.Description = $"Imported {Output.Count(imported.Imported)} license(s)";
                importing.StopTask();
                return imported;
            });

        if (settings.Json)
        {
            Output.Json(result);
            return ExitCodes.Ok;
        }

        Output.Done($"Imported {Output.Count(result.Imported)} license(s) from {file.Name}.", json: false);
        LicenseView.Table(result.Data);
        return ExitCodes.Ok;
    }

    private static async Task<LicenseImportResult> ImportJsonAsync(LicenseManagementClient client, Stream stream, string name, ProgressTask importing,
        CancellationToken cancellationToken)
    {
        List<PortableLicense> licenses;
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var root = document.RootElement;
            var array = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("licenses", out var list) && list.ValueKind == JsonValueKind.Array ? list
                : throw new UsageException($"'{name}' is neither {{\"licenses\":[…]}} nor an array of licenses.");
            licenses = array.Deserialize<List<PortableLicense>>(Output.JsonOptions) ?? [];
        }
        catch (JsonException ex)
        {
            throw new UsageException($"'{name}' is not a JSON license import: {ex.Message}", ex);
        }

        importing.Description = $"Uploading and importing {Output.Count(licenses.Count)} license(s)";
        return await client.Licenses.ImportAsync(licenses, cancellationToken: cancellationToken);
    }
}
