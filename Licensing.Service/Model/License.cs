namespace Platform.Licensing.Model;

/// <summary>A license (<c>lic_…</c>) and the rules of its lifecycle. Every change bumps <see cref="Version"/>, which events carry.</summary>
public sealed class License
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required ApiEnvironment Environment { get; init; }
    public required string Key { get; set; }
    public required string ProductId { get; init; }
    public string? PlanId { get; set; }
    public LicenseStatus Status { get; private set; } = LicenseStatus.Active;
    public LicenseType Type { get; set; } = LicenseType.Perpetual;
    public string? CustomerEmail { get; set; }
    public int? MaxActivations { get; set; }
    public int? MaxDomains { get; set; }
    public int? MaxSeats { get; set; }
    public List<string> Domains { get; set; } = [];

    /// <summary>True when the vendor set <see cref="Domains"/>; false when they are bound on first validation.</summary>
    public bool DomainsFixed { get; set; }
    public List<string> Features { get; set; } = [];
    public string Metadata { get; set; } = "{}";
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; } = 1;
    public long ValidationCount { get; init; }
    public DateTimeOffset? LastValidatedAt { get; init; }

    /// <summary>The key this license had before its last rotation, valid until <see cref="PreviousKeyValidUntil"/>.</summary>
    public string? PreviousKey { get; private set; }

    public DateTimeOffset? PreviousKeyValidUntil { get; private set; }

    /// <summary>The expiry notices (days before) already emitted for the current <see cref="ExpiresAt"/>.</summary>
    public List<int> ExpiryNotices { get; private set; } = [];

    /// <summary>Any change made through the API (plan, limits, domains, metadata, expiry).</summary>
    public string Updated(DateTimeOffset now)
    {
        Touch(now);
        return "license.updated";
    }

    /// <summary>
    /// Extends the license: to <paramref name="until"/> when given, else by <paramref name="durationDays"/> from its
    /// current expiry (or from now, if that is past). An expired license becomes active again; a revoked one cannot.
    /// </summary>
    public string Renew(DateTimeOffset? until, int? durationDays, DateTimeOffset now)
    {
        if (Status is LicenseStatus.Revoked or LicenseStatus.Suspended)
        {
            throw new LicenseStateException($"A {Status.ToString().ToLowerInvariant()} license cannot be renewed.");
        }

        var from = ExpiresAt is { } current && current > now ? current : now;
        ExpiresAt = until ?? (durationDays is { } days
            ? from.AddDays(days)
            : throw new LicenseStateException("The license has no plan duration to renew by; give expires_at."));
        if (ExpiresAt <= now)
        {
            throw new LicenseStateException("A renewal must end in the future.");
        }

        Status = LicenseStatus.Active;
        ExpiryNotices = [];
        Touch(now);
        return "license.renewed";
    }

    /// <summary>Replaces the key; the old one keeps validating until <paramref name="graceUntil"/>.</summary>
    public string Rotate(string newKey, DateTimeOffset graceUntil, DateTimeOffset now)
    {
        if (Status == LicenseStatus.Revoked)
        {
            throw new LicenseStateException("A revoked license cannot be rotated.");
        }

        PreviousKey = Key;
        PreviousKeyValidUntil = graceUntil;
        Key = newKey;
        Touch(now);
        return "license.rotated";
    }

    /// <summary>The license reached its expiry: per the plan it is refused from now on, revoked, or kept usable (still marked expired).</summary>
    public string Expire(ExpiryBehavior behavior, DateTimeOffset now)
    {
        Status = behavior == ExpiryBehavior.Revoke ? LicenseStatus.Revoked : LicenseStatus.Expired;
        Touch(now);
        return "license.expired";
    }

    /// <summary>Notes that the notice <paramref name="daysBefore"/> expiry went out; the version moves so events stay ordered.</summary>
    public string NoticeExpiring(int daysBefore, DateTimeOffset now)
    {
        ExpiryNotices = [.. ExpiryNotices, daysBefore];
        Touch(now);
        return "license.expiring";
    }

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
    public string? RefusesActivation(int activeMachines, LicenseTerms terms, DateTimeOffset now) =>
        RefusesUse(terms, now) ?? (activeMachines >= terms.MaxActivations ? "ACTIVATION_LIMIT_REACHED" : null);

    /// <summary>Why the license may not be used at all now (its status or expiry), as a stable code; null when it may.</summary>
    public string? RefusesUse(LicenseTerms terms, DateTimeOffset now) => Status switch
    {
        LicenseStatus.Suspended => "LICENSE_SUSPENDED",
        LicenseStatus.Revoked => "LICENSE_REVOKED",
        _ when terms.ExpiryBehavior == ExpiryBehavior.KeepAccess => null,
        LicenseStatus.Expired => "LICENSE_EXPIRED",
        _ when ExpiresAt <= now => "LICENSE_EXPIRED",
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
