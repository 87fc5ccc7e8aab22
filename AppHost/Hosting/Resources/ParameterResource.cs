using System.Security.Cryptography;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A value handed to projects, as Aspire's parameters are: from configuration (<c>Parameters:{name}</c>) if
/// set, otherwise, for a secret, 32 random bytes (base64) generated on the first start and kept in the
/// data folder (mode 0600), so that restarts keep it.
/// </summary>
public sealed class ParameterResource(string name, string? configured, bool secret) : Resource(name)
{
    private string? value;

    public override string Kind => secret ? "Secret" : "Parameter";

    /// <summary>Known once the resource has started.</summary>
    public string Value => value ?? throw new InvalidOperationException($"Parameter {Name} is not resolved yet.");

    internal override async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            value = configured;
            return;
        }

        if (!secret)
        {
            throw new InvalidOperationException($"Set Parameters:{Name} (environment Parameters__{Name}).");
        }

        var path = Path.Combine(context.Options.DataDir, "secrets", Name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path);
        }

        value = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
    }

    internal override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(value is not null);
}
