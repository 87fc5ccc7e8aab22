using Platform.Billing.Infrastructure;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Billing.Apis;

/// <summary>Stripe webhook signing secrets: add the new one before rolling the endpoint's secret in Stripe, delete the old one after.</summary>
internal static class SecretsApi
{
    public static void MapSecretsApi(this RouteGroupBuilder api)
    {
        var secrets = api.MapGroup("/secrets").WithTags("Billing");
        secrets.MapGet("", ListAsync);
        secrets.MapPost("", AddAsync);
        secrets.MapDelete("/{id}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(CallerIdentity caller, SecretStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { data = (await store.ListAsync(caller.TenantId, caller.Environment, cancellationToken)).Select(SecretResponse.Of) });

    private static async Task<IResult> AddAsync(AddSecretRequest request, CallerIdentity caller, SecretStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Secret))
        {
            return BillingErrors.Missing("secret");
        }

        var secret = request.Secret.Trim();
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal) || secret.Length is < 16 or > 256 || secret.Any(char.IsWhiteSpace))
        {
            return BillingErrors.Invalid("secret must be a Stripe webhook signing secret (whsec_…).");
        }

        return await store.AddAsync(caller.TenantId, caller.Environment, secret, cancellationToken) is { } added
            ? TypedResults.Created($"/api/v1/billing/secrets/{added.Id}", SecretResponse.Of(added))
            : ApiErrorWriter.Result(StatusCodes.Status409Conflict, BillingErrors.TooManySecrets,
                $"An environment holds at most {SecretStore.MaxPerEnvironment} secrets; delete an old one first.");
    }

    private static async Task<IResult> DeleteAsync(string id, CallerIdentity caller, SecretStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(caller.TenantId, caller.Environment, id, cancellationToken)
            ? TypedResults.NoContent()
            : BillingErrors.NotFound($"No signing secret {id}.");
}
