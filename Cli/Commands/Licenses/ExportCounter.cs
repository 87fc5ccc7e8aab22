using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Licenses;

/// <summary>
/// Counts the licenses of an export as its bytes go by, for the progress display: CSV rows after the header (a line
/// break inside a quoted field does not end a row), or the objects of the JSON export's array.
/// </summary>
internal sealed class ExportCounter(LicenseExportFormat format)
{
    private long rows;
    private bool rowOpen;
    private bool inString;
    private bool escaped;
    private int depth;
    private long objects;

    public long Bytes { get; private set; }

    public long Licenses => format == LicenseExportFormat.Csv ? Math.Max(0, rows + (rowOpen ? 1 : 0) - 1) : objects;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        Bytes += chunk.Length;
        foreach (var b in chunk)
        {
            if (format == LicenseExportFormat.Csv)
            {
                Csv(b);
            }
            else
            {
                Json(b);
            }
        }
    }

    private void Csv(byte b)
    {
        if (b == (byte)'"')
        {
            inString = !inString; // an escaped quote ("") toggles twice
        }

        if (b == (byte)'\n' && !inString)
        {
            rows++;
            rowOpen = false;
        }
        else if (b != (byte)'\r')
        {
            rowOpen = true;
        }
    }

    private void Json(byte b)
    {
        if (inString)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (b == (byte)'\\')
            {
                escaped = true;
            }
            else if (b == (byte)'"')
            {
                inString = false;
            }

            return;
        }

        switch (b)
        {
            case (byte)'"':
                inString = true;
                break;
            case (byte)'{' or (byte)'[':
                // {"licenses":[ {…}, … ]}: an object opening inside the root object's array is a license.
                if (b == (byte)'{' && depth == 2)
                {
                    objects++;
                }

                depth++;
                break;
            case (byte)'}' or (byte)']':
                depth--;
                break;
        }
    }
}
