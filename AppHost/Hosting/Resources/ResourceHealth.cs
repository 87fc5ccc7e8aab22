namespace Platform.AppHost.Hosting.Resources;

public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}
