using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Platform.Billing.Processing;
using Platform.ServiceDefaults.Errors;

namespace Platform.Billing.Apis;

/// <summary>
/// Stripe's endpoint, public (Stripe holds no API key): the signature is the authentication. A verified event is
/// stored and answered 200; processing happens afterwards from the store. Anything unverified is 400 and
/// changes nothing.
/// </summary>
internal static class StripeWebhookApi
{
    // Stripe's events are far smaller; the bound keeps an unauthenticated caller from buffering much.
    private const int MaxBodyBytes = 512 * 1024;

    // Strict: a body that is not UTF-8 is no Stripe event (and could not be verified as the bytes Stripe signed).
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void MapStripeWebhook(this RouteGroupBuilder billing) =>
        billing.MapPost("/stripe/{tenantId}/webhook", ReceiveAsync).WithTags("Billing").AllowAnonymous();

    private static async Task<IResult> ReceiveAsync(
        string tenantId, HttpRequest request, SecretStore secrets, EventStore events, EventSignal signal, BillingMetrics metrics, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var answer = await VerifyAndStoreAsync(tenantId, request, secrets, events, signal, time, cancellationToken);
        metrics.Received(answer switch
        {
            Ok<WebhookReceipt> { Value.Duplicate: true } => BillingMetrics.Duplicate,
            Ok<WebhookReceipt> => BillingMetrics.Accepted,
            IValueHttpResult { Value: ApiError error } => error.Code,
            _ => "unknown",
        });
        return answer;
    }

    private static async Task<IResult> VerifyAndStoreAsync(
        string tenantId, HttpRequest request, SecretStore secrets, EventStore events, EventSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes || await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return ApiErrorWriter.Result(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The event is too large.");
        }

        // Read once, before the signature is checked (its mode picks the secrets); nothing in it is trusted until they verify it.
        if (Decode(body) is not { } payload || StripeEventReader.Read(payload) is not { } stripeEvent)
        {
            return BillingErrors.BadRequest(BillingErrors.InvalidEvent, "The body is not a Stripe event (id, type, created, livemode, data).");
        }

        var environment = BillingEnvironment.Of(stripeEvent.Livemode);
        var configured = await secrets.ListAsync(tenantId, environment, cancellationToken);
        if (configured.Count == 0)
        {
            return BillingErrors.BadRequest(BillingErrors.NotConfigured, $"No Stripe signing secret is configured for this tenant's {environment} environment.");
        }

        if (StripeSignatureCheck.Refusal(payload, request.Headers[StripeSignatureCheck.HeaderName], configured.Select(s => s.Secret), time.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        // Which API versions Billing reads is its own decision, not Stripe.net's (vendors' endpoints run various versions).
        if (!StripeApiVersions.IsReadable(stripeEvent.ApiVersion))
        {
            return BillingErrors.BadRequest(BillingErrors.InvalidEvent,
                $"The event has API version {stripeEvent.ApiVersion ?? "(none)"}; Billing reads events of {StripeApiVersions.Oldest} and later. " +
                "Set the API version of the Stripe webhook endpoint to one of those.");
        }

        var added = await events.AddAsync(tenantId, stripeEvent, payload, cancellationToken);
        if (added)
        {
            signal.Notify();
        }

        return TypedResults.Ok(new WebhookReceipt(true, stripeEvent.Id, Duplicate: !added));
    }

    private static string? Decode(byte[] body)
    {
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The raw body, exactly as signed; null when it exceeds the bound.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
