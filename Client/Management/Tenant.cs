namespace LicensePlatform.Client.Management;

/// <summary>The caller's tenant.</summary>
/// <param name="Id">The tenant's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Plan">Its rate-limit plan, set by the platform's operator.</param>
/// <param name="KeyPrefix">The prefix of its new license keys.</param>
/// <param name="Environment"><c>test</c> or <c>live</c>: the environment of the calling key.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record Tenant(string Id, string Name, string Plan, string KeyPrefix, string Environment, DateTimeOffset CreatedAt);
