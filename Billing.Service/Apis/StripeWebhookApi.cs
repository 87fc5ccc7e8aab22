using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Platform.Billing.Processing;
using Platform.Billing.Stripe;
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
        if (request.ContentLength > MaxBodyBytes)
        {
            return ApiErrorWriter.Result(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The event is too large.");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The event is too large.");
        }

        // The mode is read before the signature is checked only to pick the secrets; it is trusted once they verify it.
        if (StripeEvent.Parse(body) is not { } stripeEvent)
        {
            return BillingErrors.BadRequest(BillingErrors.InvalidEvent, "The body is not a Stripe event (id, type, created, livemode, data.object).");
        }

        var environment = BillingEnvironment.Of(stripeEvent.LiveMode);
        var configured = await secrets.ListAsync(tenantId, environment, cancellationToken);
        if (configured.Count == 0)
        {
            return BillingErrors.BadRequest(BillingErrors.NotConfigured, $"No Stripe signing secret is configured for this tenant's {environment} environment.");
        }

        switch (StripeSignature.Verify(request.Headers[StripeSignature.HeaderName], body, configured.Select(s => s.Secret), time.GetUtcNow()))
        {
            case SignatureCheck.Malformed:
                return BillingErrors.BadRequest(BillingErrors.InvalidSignature, "The Stripe-Signature header is missing or malformed (t=…,v1=…).");
            case SignatureCheck.NoMatch:
                return BillingErrors.BadRequest(BillingErrors.InvalidSignature, "No signature matches the body with a configured signing secret.");
            case SignatureCheck.OutsideTolerance:
                return BillingErrors.BadRequest(BillingErrors.SignatureExpired, "The signature's timestamp is more than five minutes from now.");
        }

        var added = await events.AddAsync(tenantId, stripeEvent, Encoding.UTF8.GetString(body), cancellationToken);
        if (added)
        {
            signal.Notify();
        }

        return TypedResults.Ok(new WebhookReceipt(true, stripeEvent.Id, Duplicate: !added));
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
