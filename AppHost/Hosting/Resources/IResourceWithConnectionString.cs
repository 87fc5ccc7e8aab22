namespace Platform.AppHost.Hosting.Resources;

/// <summary>A resource others reference through <c>ConnectionStrings__{ConnectionStringName}</c>.</summary>
public interface IResourceWithConnectionString
{
    string ConnectionStringName { get; }

    /// <summary>Known once the resource has started.</summary>
    string GetConnectionString();
}
