using System.Text;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>How metadata and <c>grpc-message</c> travel in HTTP/2 headers.</summary>
public static class MetadataEncoding
{
    /// <summary>Binary values are base64; senders omit padding, receivers accept it either way.</summary>
    public static string EncodeBinary(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    public static byte[] DecodeBinary(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        if (padding == 3)
        {
            throw new FormatException("Not valid base64.");
        }

        return Convert.FromBase64String(padding == 0 ? trimmed : trimmed + new string('=', padding));
    }

    /// <summary>
    /// <c>grpc-message</c> is percent-encoded: the UTF-8 bytes of the text, with every byte outside
    /// printable ASCII (0x20–0x7E) and '%' itself written as <c>%XX</c>.
    /// </summary>
    public static string EncodeMessage(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes <c>%XX</c> sequences; a malformed one is kept as it is rather than failing the call.</summary>
    public static string DecodeMessage(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
