using System.Net.Mail;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>Reads a create-license request into a <see cref="LicenseSpec"/>, checked field by field, with the spellings merged.</summary>
internal static class LicenseDraft
{
    private const int MaxLimit = 1_000_000;
    private const int MaxListLength = 100;

    public static LicenseSpec Read(CreateLicenseRequest request, ValidationProblem problem)
    {
        var productId = request.ProductId;
        if (string.IsNullOrWhiteSpace(productId))
        {
            problem.Missing("product_id");
        }

        var planId = request.PlanId;
        return new LicenseSpec(
            productId ?? "", string.IsNullOrWhiteSpace(planId) ? null : planId, Type(request.Type, problem), Email(request.CustomerEmail, problem),
            Limit(request.MaxActivations, "max_activations", problem),
            Limit(request.MaxDomains, "max_domains", problem),
            Limit(request.MaxSeats, "max_seats", problem),
            Domains(request.Domains, problem), Features(request.Features, problem),
            Apis.Metadata.Read(request.Metadata, problem), request.ExpiresAt);
    }

    public static LicenseType? Type(string? text, ValidationProblem problem)
    {
        if (text is null)
        {
            return null;
        }

        if (!EnumNames.TryParse<LicenseType>(text, out var type))
        {
            problem.Invalid("type", "must be perpetual, subscription, trial or floating");
            return null;
        }

        return type;
    }

    public static string? Email(string? text, ValidationProblem problem)
    {
        var email = text?.Trim().ToLowerInvariant();
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            problem.Invalid("customer_email", "is not an email address");
        }

        return email;
    }

    public static List<string> Domains(List<string>? values, ValidationProblem problem) =>
        [.. List(values, "domains", 253, problem).Select(d => d.TrimEnd('.').ToLowerInvariant()).Distinct()];

    public static List<string> Features(List<string>? values, ValidationProblem problem) =>
        [.. List(values, "features", 100, problem).Distinct()];

    public static int? Limit(int? value, string field, ValidationProblem problem)
    {
        if (value is < 0 or > MaxLimit)
        {
            problem.Invalid(field, $"must be between 0 and {MaxLimit}");
        }

        return value;
    }

    private static List<string> List(List<string>? values, string field, int maxLength, ValidationProblem problem)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Count > MaxListLength)
        {
            problem.Invalid(field, $"has more than {MaxListLength} entries");
        }

        if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > maxLength || v.Contains('\0', StringComparison.Ordinal)))
        {
            problem.Invalid(field, $"has an empty entry or one longer than {maxLength} characters");
        }

        return [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
    }
}
