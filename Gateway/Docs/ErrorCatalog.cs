using System.Globalization;
using Platform.Gateway.Routing;

namespace Platform.Gateway.Docs;

/// <summary>One stable error code: the status it comes with, what it means and what the caller can do about it.</summary>
internal sealed record ErrorEntry(string Code, int Status, string Meaning, string Remedy);

/// <summary>
/// Every code the platform's answers carry in <c>code</c> (and in <c>help</c>, as <c>/docs/errors#CODE</c>). The codes
/// are stable across API versions; the messages may change.
/// </summary>
internal static class ErrorCatalog
{
    public static readonly IReadOnlyList<ErrorEntry> Entries =
    [
        // Requests the platform cannot read.
        new("BAD_REQUEST", 400, "The request is malformed in a way no more specific code covers (for example a body that could not be read).", "Check the request line, headers and body against the API reference."),
        new("INVALID_JSON", 400, "The body does not parse as JSON; the message names where parsing stopped.", "Send one well-formed JSON object, UTF-8 encoded."),
        new("MISSING_FIELDS", 400, "A required field or the body itself is missing.", "Add the field the message names (for example key or license_key)."),
        new("VALIDATION_ERROR", 400, "A field is present but not acceptable: wrong type, out of range, too long, or an X-API-Version the platform does not know (the message lists the supported ones).", "Correct the field the message names and send the request again; retrying unchanged gives the same answer."),
        new("INVALID_KEY_FORMAT", 400, "The license key cannot be a key of this platform (its checksum fails or it has the wrong shape).", "Check that the whole key was copied; keys look like TO-XXXX-XXXX-XXXX-XXXX."),
        new("IDEMPOTENCY_KEY_REUSED", 422, "An Idempotency-Key was sent again with a different request.", "Use a new Idempotency-Key for each distinct request; repeat a key only to retry the same request."),
        new("PAYLOAD_TOO_LARGE", 413, "The body is larger than the route admits (1 MB unless the route says otherwise).", "Send a smaller body; split imports into batches."),
        new("URI_TOO_LONG", 414, $"The path and query together are longer than {RequestTargetLimit.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters.", "Send long values (lists of keys, filters) in a POST body instead of the URL."),
        new("UNSUPPORTED_MEDIA_TYPE", 415, "The body is not application/json, or its charset is not one the server knows.", "Send Content-Type: application/json with a UTF-8 body."),
        new("NOT_ACCEPTABLE", 406, "The Accept header asks for a representation the route does not produce.", "Accept application/json (or text/csv where a route offers it)."),
        new("METHOD_NOT_ALLOWED", 405, "The route exists but does not take this HTTP method (CONNECT and TRACE never are).", "Use a method the Allow header lists."),
        new("NOT_FOUND", 404, "No such route, or no such resource in your tenant and environment (test keys see only test data).", "Check the path and the id, and that the key's environment (to_live_ / to_test_) is the one the resource lives in."),
        new("CONFLICT", 409, "The request conflicts with the resource's current state (for example a duplicate slug).", "Read the resource, then send a request that fits its current state."),

        // Credentials.
        new("AUTH_REQUIRED", 401, "No credential was sent, or the Authorization header is not 'Bearer <API key or token>'.", "Send Authorization: Bearer to_live_… (or to_test_…), or a portal session token."),
        new("INVALID_API_KEY", 401, "The API key is unknown, was revoked, or is not an API key at all.", "Check that the key is copied whole and still listed under API keys; create a new one if it was revoked."),
        new("INVALID_TOKEN", 403, "The portal session token is forged, expired (beyond 5 s of clock skew), lives longer than 24 hours, or lacks a claim.", "Sign the customer in again to get a fresh token."),
        new("FORBIDDEN", 403, "The credential is valid but lacks the scope the route needs (for example a validate-only key on an admin route).", "Use a key with the admin scope, or a route the key's scopes allow."),
        new("RATE_LIMITED", 429, "The credential (or, without one, the client address) exceeded its requests per minute on a sliding window.", "Wait the retryAfter seconds (also in Retry-After) before the next request; a client that waits that long is let through."),

        // License refusals (validation and the run-time routes).
        new("LICENSE_NOT_FOUND", 404, "No license with this key in the key's tenant and environment.", "Check the key, and that a test key is used only with test licenses."),
        new("LICENSE_EXPIRED", 403, "The license's expiry has passed (and any grace period with it).", "Renew the license (POST /api/v1/licenses/{id}/renew) or buy a new one."),
        new("LICENSE_SUSPENDED", 403, "The vendor suspended the license.", "Reinstate it (POST /api/v1/licenses/{id}/reinstate) once the reason is resolved."),
        new("LICENSE_REVOKED", 403, "The license was revoked for good.", "A revoked license cannot come back; issue a new one."),
        new("KEY_ROTATED", 403, "The key was replaced by a newer key of the same license.", "Use the license's current key."),
        new("DOMAIN_MISMATCH", 403, "The license is not valid for the domain the request names.", "Validate from one of the license's domains, or add the domain to the license."),
        new("DOMAIN_LIMIT_REACHED", 403, "The license already has as many domains as it allows.", "Remove a domain from the license or raise its limit."),
        new("PRODUCT_MISMATCH", 403, "The license belongs to another product than the one the request names.", "Send the product_id the license was issued for."),
        new("FEATURE_NOT_ENTITLED", 403, "The license does not include a feature the request asks for.", "Ask only for the license's features, or upgrade the plan."),
        new("ACTIVATION_LIMIT_REACHED", 403, "The license is active on as many machines as it allows.", "Deactivate a machine (POST /api/v1/deactivate) or raise max_activations."),
        new("MACHINE_NOT_ACTIVATED", 403, "The license is node-locked and this machine is not activated for it.", "Activate the machine first (POST /api/v1/activate)."),
        new("MACHINE_NOT_FOUND", 404, "No such machine on the license.", "Check the machine id; list the license's machines to see them."),
        new("NO_SEATS_AVAILABLE", 403, "Every floating seat of the license is checked out.", "Wait for a seat to be checked in or to lapse, or raise the seat count."),
        new("LEASE_NOT_FOUND", 404, "The seat lease is unknown or has lapsed (no heartbeat in time).", "Check out a new seat."),
        new("LICENSE_STATE_CONFLICT", 409, "The license's state does not allow the change (for example reinstating a license that is not suspended).", "Read the license's status first; only the transitions the reference lists are allowed."),

        // Webhooks and billing.
        new("URL_NOT_ALLOWED", 400, "The webhook URL is not an https address on the public internet (loopback, private, link-local and similar addresses are refused).", "Use a public https URL that your server answers."),
        new("INVALID_SIGNATURE", 400, "The Stripe-Signature header is missing, malformed, or does not verify with any of the tenant's Stripe signing secrets.", "Check the signing secret configured under /api/v1/billing/secrets against Stripe's dashboard."),
        new("SIGNATURE_EXPIRED", 400, "The Stripe signature's timestamp is outside the tolerance (5 minutes).", "Let Stripe redeliver the event; check the clocks if it keeps happening."),
        new("INVALID_EVENT", 400, "The body is not a Stripe event the platform can read.", "Send the event exactly as Stripe delivers it."),
        new("BILLING_NOT_CONFIGURED", 400, "The tenant has no Stripe signing secret yet.", "Add one with POST /api/v1/billing/secrets."),
        new("TOO_MANY_SECRETS", 409, "The tenant already holds as many Stripe signing secrets as allowed.", "Delete an old secret before adding another."),

        // The platform itself.
        new("INTERNAL_ERROR", 500, "The platform failed on its side.", "Retry with exponential backoff; if it persists, report the X-Request-Id of the answer."),
        new("BAD_GATEWAY", 502, "A service behind the Gateway answered badly or broke off its answer.", "Retry with exponential backoff."),
        new("SERVICE_UNAVAILABLE", 503, "A service or its store cannot be reached right now.", "Retry with exponential backoff; validations of cached licenses keep answering meanwhile."),
        new("GATEWAY_TIMEOUT", 504, "A service behind the Gateway did not answer in time.", "Retry with exponential backoff; a write may have taken effect, so use an Idempotency-Key."),
    ];
}
