using System.Security.Cryptography;
using Aspire.Hosting.Publishing;

namespace Platform.AppHost.Parameters;

/// <summary>
/// A secret parameter's value when configuration gives none (<c>Parameters:{name}</c>): 32 random bytes (base64)
/// generated on the first start and kept in <c>{data}/secrets/{name}</c> (mode 0600), so restarts keep it.
/// </summary>
public sealed class DataFolderSecret(string dataDir, string name) : ParameterDefault
{
    public override string GetDefaultValue()
    {
        var path = Path.Combine(dataDir, "secrets", name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path, overwrite: true);
        }

        return File.ReadAllText(path).Trim();
    }

    public override void WriteToManifest(ManifestPublishingContext context) =>
        new GenerateParameterDefault { MinLength = 44, Special = false }.WriteToManifest(context);
}

/// <summary>Secret parameters that default to a <see cref="DataFolderSecret"/>.</summary>
public static class DataFolderSecretExtensions
{
    public static IResourceBuilder<ParameterResource> AddDataFolderSecret(this IDistributedApplicationBuilder builder, string name, PlatformSettings settings) =>
        builder.AddParameter(name, new DataFolderSecret(settings.DataDir, name), secret: true);
}
