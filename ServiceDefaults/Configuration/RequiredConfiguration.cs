namespace Platform.ServiceDefaults.Configuration;

/// <summary>Reads settings in the Aspire conventions and fails fast, naming the key, when one is missing.</summary>
public static class RequiredConfiguration
{
    public static string GetRequiredValue(this IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? throw new MissingConfigurationException(key) : value;
    }

    /// <summary><c>ConnectionStrings:{name}</c>, injected as <c>ConnectionStrings__{name}</c>.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetRequiredValue($"ConnectionStrings:{name}");

    /// <summary><c>services:{service}:{endpoint}:0</c>, injected as <c>services__{service}__{endpoint}__0</c>.</summary>
    public static Uri GetRequiredServiceUri(this IConfiguration configuration, string service, string endpoint = "http")
    {
        var key = ServiceEndpointKey(service, endpoint);
        var value = configuration.GetRequiredValue(key);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Setting '{key}' must be an absolute URL; it is '{value}'.");
    }

    public static string ServiceEndpointKey(string service, string endpoint) => $"services:{service}:{endpoint}:0";
}
