namespace LicensePlatform.Client.Management;

/// <summary>Validations with the same result, domain and machine, reported together.</summary>
/// <param name="Time">When they happened.</param>
/// <param name="Result"><c>valid</c>, or the refusal's code.</param>
/// <param name="Domain">The domain validated for, if any.</param>
/// <param name="Machine">The machine validated for, if any.</param>
/// <param name="Count">How many validations the record stands for.</param>
public sealed record UsageRecord(DateTimeOffset Time, string Result, string? Domain, string? Machine, int Count);
