using System.Text;

namespace Platform.Licensing.Apis;

/// <summary>Comma-separated values as RFC 4180 has them: quoted fields may hold commas, quotes ("") and line breaks.</summary>
internal static class Csv
{
    /// <summary>The records of <paramref name="text"/>; null when a quoted field is never closed.</summary>
    public static List<string[]>? Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields is not [""])
            {
                records.Add([.. fields]);
            }

            fields.Clear();
        }
    }

    /// <summary>One line of CSV, quoting the fields that need it.</summary>
    public static string Line(IEnumerable<string?> values) =>
        string.Join(',', values.Select(v => v is null ? "" : v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v));
}
