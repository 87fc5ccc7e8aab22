namespace LicensePlatform.Client;

/// <summary>The floating seat a host keeps while it runs (<c>AddLicenseSeat</c>).</summary>
public sealed class LicenseSeatOptions
{
    /// <summary>The floating license's key. Required.</summary>
    public string? Key { get; set; }

    /// <summary>Who holds the seat; this machine's id when not set.</summary>
    public string? ClientId { get; set; }
}
