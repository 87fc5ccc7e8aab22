namespace Platform.Validation.Usage;

/// <summary>One validation as Licensing counts it: the license, the result ("valid" or the refusal code), the domain and machine.</summary>
internal readonly record struct UsageEntry(string LicenseId, string Result, string Domain, string Fingerprint, DateTimeOffset At);
