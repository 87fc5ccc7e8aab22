using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Platform.Contracts.Keys;
using Platform.ServiceDefaults.Errors;
using Platform.Validation.Model;
using Platform.Validation.Tokens;

namespace Platform.Validation.Apis;

/// <summary>
/// <c>POST /api/v1/validate</c>, the hot path. Its services are singletons given once, when the route is mapped,
/// and its answers are <see cref="JsonAnswer{T}"/>s, so a validation never makes ASP.NET Core create a DI scope; its body
/// is read by <see cref="JsonRequestBody"/> rather than bound by the framework (declared for OpenAPI where it is mapped),
/// with the type information of the framework's own JSON options, so it takes the spellings every route takes.
/// </summary>
internal sealed class ValidateApi(LicenseValidation validation, OfflineTokenIssuer tokens, ValidationMetrics metrics, TimeProvider time,
    IOptions<JsonOptions> json)
{
    private readonly JsonTypeInfo<ValidateRequest> requestJson =
        (JsonTypeInfo<ValidateRequest>)json.Value.SerializerOptions.GetTypeInfo(typeof(ValidateRequest));

    /// <summary>
    /// A key whose checksum fails is refused before any I/O; the rest is answered from the snapshot cache
    /// (a miss asks Licensing once, however many requests wait for it).
    /// </summary>
    public async ValueTask<IResult> ValidateAsync(HttpContext context)
    {
        var request = await JsonRequestBody.ReadAsync(context, requestJson);
        if (RequestErrors.Blank(request.AnyKey) is not { } rawKey)
        {
            metrics.Answered(ErrorCodes.MissingFields);
            return RequestErrors.MissingKey();
        }

        // A platform key whose checksum fails, or a string no key can be, is refused here; an imported key is looked up as given.
        if (LicenseKeyFormat.Classify(rawKey, out var key) == LicenseKeyKind.Invalid)
        {
            metrics.Answered(Refusal.InvalidKeyFormat.Code);
            return new JsonAnswer<RefusalAnswer>(RefusalAnswer.Of(Refusal.InvalidKeyFormat), ValidationJsonContext.Default.RefusalAnswer, StatusCodes.Status400BadRequest);
        }

        var machine = RequestErrors.Blank(request.AnyMachine);
        var domain = RequestErrors.Blank(request.Domain) is { } d ? DomainName.Normalize(d) : null;
        IReadOnlyList<string> features = request.Features is { Count: > 0 } requested
            ? requested.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList()
            : Array.Empty<string>();
        if (RequestErrors.TooLong(machine) || RequestErrors.TooLong(domain, DomainName.MaxLength) || RequestErrors.TooLong(request.ProductId)
            || features.Count > RequestErrors.MaxFeatures || features.Any(f => f.Length > RequestErrors.MaxIdLength))
        {
            metrics.Answered(ErrorCodes.ValidationError);
            return RequestErrors.Invalid(
                $"machine_id and product_id are at most {RequestErrors.MaxIdLength} characters, domain at most {DomainName.MaxLength}, features at most {RequestErrors.MaxFeatures} names.");
        }

        if (!CallerScope.TryResolve(context, out var caller))
        {
            metrics.Answered(ErrorCodes.AuthRequired);
            return RequestErrors.BadIdentity();
        }

        var query = new ValidationQuery(key, machine, domain, RequestErrors.Blank(request.ProductId), features);
        var result = await validation.ValidateAsync(query, caller, context.RequestAborted);
        if (result.Unavailable)
        {
            metrics.Answered(ErrorCodes.ServiceUnavailable);
            return RequestErrors.Unavailable();
        }

        if (result.Refusal is { } refusal)
        {
            metrics.Answered(refusal.Code);
            return new JsonAnswer<RefusalAnswer>(RefusalAnswer.Of(refusal, result.ServedFromCache), ValidationJsonContext.Default.RefusalAnswer, refusal.Status);
        }

        metrics.Answered(ValidationMetrics.Valid);
        var license = result.License!;
        var now = time.GetUtcNow();
        var token = request.WantsOfflineToken ? tokens.Issue(license, machine, domain, now) : null;
        return ValidAnswerResult.For(license, now, LicenseRules.IsPastExpiry(license, now), result.ServedFromCache, token);
    }
}
