namespace Platform.Licensing.Model;

/// <summary>A license (<c>lic_…</c>) and the rules of its lifecycle. Every change bumps <see cref="Version"/>, which events carry.</summary>
public sealed class License
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required ApiEnvironment Environment { get; init; }
    public required string Key { get; init; }
    public required string ProductId { get; init; }
    public LicenseStatus Status { get; private set; } = LicenseStatus.Active;
    public LicenseType Type { get; set; } = LicenseType.Perpetual;
    public string? CustomerEmail { get; set; }
    public int? MaxActivations { get; set; }
    public int? MaxDomains { get; set; }
    public List<string> Domains { get; set; } = [];
    public List<string> Features { get; set; } = [];
    public string Metadata { get; set; } = "{}";
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; } = 1;
    public long ValidationCount { get; init; }
    public DateTimeOffset? LastValidatedAt { get; init; }

    /// <summary>Suspends an active license; the event to publish, or null if nothing changed.</summary>
    public string? Suspend(DateTimeOffset now) => Move(LicenseStatus.Active, LicenseStatus.Suspended, "license.suspended", now);

    public string? Reinstate(DateTimeOffset now) => Move(LicenseStatus.Suspended, LicenseStatus.Active, "license.reinstated", now);

    /// <summary>Revocation is final: any status but revoked becomes revoked.</summary>
    public string? Revoke(DateTimeOffset now)
    {
        if (Status == LicenseStatus.Revoked)
        {
            return null;
        }

        Status = LicenseStatus.Revoked;
        Touch(now);
        return "license.revoked";
    }

    /// <summary>Why a new machine may not be activated now, as a stable code; null when it may.</summary>
    public string? RefusesActivation(int activeMachines, DateTimeOffset now) => Status switch
    {
        LicenseStatus.Suspended => "LICENSE_SUSPENDED",
        LicenseStatus.Revoked => "LICENSE_REVOKED",
        LicenseStatus.Expired => "LICENSE_EXPIRED",
        _ when ExpiresAt <= now => "LICENSE_EXPIRED",
        _ when MaxActivations is { } limit && activeMachines >= limit => "ACTIVATION_LIMIT_REACHED",
        _ => null,
    };

    /// <summary>A machine was bound or freed: the license changed, so its version moves.</summary>
    public void MachinesChanged(DateTimeOffset now) => Touch(now);

    /// <summary>The transition is refused (a conflict) from any status but <paramref name="from"/> or <paramref name="to"/>.</summary>
    private string? Move(LicenseStatus from, LicenseStatus to, string eventType, DateTimeOffset now)
    {
        if (Status == to)
        {
            return null;
        }

        if (Status != from)
        {
            throw new LicenseStateException($"A {Status.ToString().ToLowerInvariant()} license cannot become {to.ToString().ToLowerInvariant()}.");
        }

        Status = to;
        Touch(now);
        return eventType;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
