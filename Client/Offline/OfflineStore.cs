using System.Security.Cryptography;
using System.Text;

namespace LicensePlatform.Client;

/// <summary>
/// What the client keeps on disk for offline use: the last valid answer to each question (with its signed token) and the
/// platform's key set. Files are written whole (to a temporary file, then moved over the old one) and, on Unix, readable
/// by their owner only; a file that cannot be read counts as absent.
/// </summary>
internal sealed class OfflineStore(string directory, Uri platform)
{
    private readonly string answers = Path.Combine(directory, "answers");

    public SigningKeySet? ReadKeys() => Read<SigningKeySet>(KeysPath);

    public void WriteKeys(SigningKeySet keys) => Write(KeysPath, keys);

    public LicenseValidation? ReadAnswer(string question) => Read<LicenseValidation>(AnswerPath(question));

    public void WriteAnswer(string question, LicenseValidation answer) => Write(AnswerPath(question), answer);

    public void DeleteAnswer(string question)
    {
        try
        {
            File.Delete(AnswerPath(question));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone or not ours to delete: an answer that cannot be read is never used.
        }
    }

    /// <summary>The file of a question, named by a hash: the key never appears in a file name.</summary>
    internal string AnswerPath(string question) =>
        Path.Combine(answers, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(platform.AbsoluteUri + "\n" + question))).ToLowerInvariant() + ".json");

    private string KeysPath => Path.Combine(directory, "keys-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(platform.AbsoluteUri)))[..16].ToLowerInvariant() + ".json");

    private static T? Read<T>(string path) where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), PlatformHttp.Json) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static void Write<T>(string path, T value)
    {
        try
        {
            var folder = Path.GetDirectoryName(path)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(file, value, PlatformHttp.Json);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only means no offline answer later; the call itself succeeded.
        }
    }
}
