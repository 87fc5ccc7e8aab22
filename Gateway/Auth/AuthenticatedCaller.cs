using Platform.Gateway.RateLimiting;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// What authentication established for a request (a feature of its <see cref="HttpContext"/>): the caller's identity
/// and its signed form for the upstream (both null for an anonymous caller), and the rate-limit partition it counts against.
/// </summary>
internal sealed record AuthenticatedCaller(CallerIdentity? Identity, string? SignedIdentity, RatePartition? Partition);
