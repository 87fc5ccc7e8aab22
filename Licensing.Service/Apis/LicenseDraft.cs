using System.Net.Mail;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>A create-license request, checked field by field, with the spellings merged.</summary>
internal sealed record LicenseDraft(
    string ProductId, LicenseType Type, string? CustomerEmail, int? MaxActivations, int? MaxDomains,
    List<string> Domains, List<string> Features, string Metadata, DateTimeOffset? ExpiresAt)
{
    private const int MaxLimit = 1_000_000;
    private const int MaxListLength = 100;

    public static LicenseDraft Read(CreateLicenseRequest request, out ValidationProblem problem)
    {
        problem = new ValidationProblem();
        var productId = request.ProductId ?? request.ProductIdAlias;
        if (string.IsNullOrWhiteSpace(productId))
        {
            problem.Missing("product_id");
        }

        var type = LicenseType.Perpetual;
        if (request.Type is not null && (!Enum.TryParse(request.Type, ignoreCase: true, out type) || int.TryParse(request.Type, out _)))
        {
            problem.Invalid("type", "must be perpetual, subscription, trial or floating");
        }

        var email = (request.CustomerEmail ?? request.CustomerEmailAlias)?.Trim().ToLowerInvariant();
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            problem.Invalid("customer_email", "is not an email address");
        }

        var maxActivations = Limit(request.MaxActivations ?? request.MaxActivationsAlias, "max_activations", problem);
        var maxDomains = Limit(request.MaxDomains ?? request.MaxDomainsAlias, "max_domains", problem);
        var domains = List(request.Domains, "domains", 253, problem).Select(d => d.ToLowerInvariant()).Distinct().ToList();
        var features = List(request.Features, "features", 100, problem).Distinct().ToList();
        var metadata = Apis.Metadata.Read(request.Metadata, problem);
        return new LicenseDraft(productId ?? "", type, email, maxActivations, maxDomains, domains, features, metadata, request.ExpiresAt ?? request.ExpiresAtAlias);
    }

    private static int? Limit(int? value, string field, ValidationProblem problem)
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
