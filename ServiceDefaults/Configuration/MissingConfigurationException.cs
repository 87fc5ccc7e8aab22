namespace Platform.ServiceDefaults.Configuration;

/// <summary>A required setting is absent; thrown while the service starts so it never runs half-configured.</summary>
public sealed class MissingConfigurationException(string key)
    : InvalidOperationException(
        $"Required setting '{key}' is missing. Set it in configuration or as the environment variable " +
        $"'{key.Replace(":", "__", StringComparison.Ordinal)}' (the AppHost sets it when the service references the resource).")
{
    public string Key { get; } = key;
}
