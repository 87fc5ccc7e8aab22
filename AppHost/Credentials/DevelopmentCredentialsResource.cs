namespace Platform.AppHost.Credentials;

/// <summary>
/// The development tenant (enterprise plan) and a benchmark tenant (the operator-only unlimited plan), created on
/// the first start; their keys are kept in <see cref="FilePath"/> as <c>{"tenantId","testKey","liveKey","benchKey"}</c>.
/// </summary>
public sealed class DevelopmentCredentialsResource(string name, string filePath) : Resource(name)
{
    public string FilePath => filePath;
}
