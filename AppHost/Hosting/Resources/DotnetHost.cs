namespace Platform.AppHost.Hosting.Resources;

/// <summary>The <c>dotnet</c> executable that runs the AppHost, so services run on the same runtime.</summary>
internal static class DotnetHost
{
    public static string Path { get; } =
        System.Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? self
            : "dotnet";
}
