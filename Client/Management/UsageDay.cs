namespace LicensePlatform.Client.Management;

/// <summary>A license's validations on one UTC day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Validations">Validations that day, refused ones included.</param>
/// <param name="Failures">Refused validations that day.</param>
public sealed record UsageDay(DateOnly Date, long Validations, long Failures);
