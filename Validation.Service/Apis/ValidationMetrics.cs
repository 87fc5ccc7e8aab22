using System.Diagnostics.Metrics;
using Platform.Validation.Cache;

namespace Platform.Validation.Apis;

/// <summary>Validations answered, by result code (<c>VALID</c> or the refusal's code), on the meter <c>Platform.Validation</c>.</summary>
internal sealed class ValidationMetrics
{
    public const string Valid = "VALID";

    private readonly Counter<long> validations;

    public ValidationMetrics(IMeterFactory meters) =>
        validations = meters.Create(CacheMetrics.MeterName)
            .CreateCounter<long>("validation.validations", description: "Validations answered, by result code.");

    public void Answered(string code)
    {
        if (validations.Enabled)
        {
            validations.Add(1, new KeyValuePair<string, object?>("code", code));
        }
    }
}
