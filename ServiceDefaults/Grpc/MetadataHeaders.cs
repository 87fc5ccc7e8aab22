using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>Moves metadata between <see cref="Metadata"/> and the header collections of ASP.NET Core and HttpClient.</summary>
internal static class MetadataHeaders
{
    public static void CopyTo(Metadata metadata, IHeaderDictionary headers)
    {
        foreach (var entry in metadata)
        {
            headers.Append(entry.Key, entry.IsBinary ? MetadataEncoding.EncodeBinary(entry.ValueBytes!) : entry.Value!);
        }
    }

    public static void CopyTo(Metadata metadata, HttpHeaders headers)
    {
        foreach (var entry in metadata)
        {
            headers.TryAddWithoutValidation(entry.Key, entry.IsBinary ? MetadataEncoding.EncodeBinary(entry.ValueBytes!) : entry.Value!);
        }
    }

    public static Metadata From(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            AddAll(metadata, name, values);
        }

        return metadata;
    }

    public static Metadata From(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                AddAll(metadata, name, value);
            }
        }

        return metadata;
    }

    private static void AddAll(Metadata metadata, string name, StringValues values)
    {
        if (GrpcProtocol.IsReservedHeader(name))
        {
            return;
        }

        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            try
            {
                if (Metadata.IsBinaryKey(name))
                {
                    // Several binary values may arrive joined by commas.
                    foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        metadata.Add(name, MetadataEncoding.DecodeBinary(part));
                    }
                }
                else
                {
                    metadata.Add(name, value);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                // A header that is not valid metadata is not exposed to the handler.
            }
        }
    }
}
