using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Keys;
using Platform.ServiceDefaults.Errors;
using Grpc.Core;
using Platform.Validation.Cache;
using Platform.Validation.Licensing;
using Platform.Validation.Model;

namespace Platform.Validation.Apis;

/// <summary>
/// What every write (activation, seats) does before and after its call to Licensing: the key's checksum
/// without I/O, the license looked up (so that an API key sees only its tenant's), and Licensing's refusals
/// turned into the platform's error format.
/// </summary>
internal static class LicensingWrite
{
    /// <summary>The canonical key of a license the caller may change, or the error to answer.</summary>
    public static async Task<(string Key, JsonHttpResult<ApiError>? Error)> PrepareAsync(string? rawKey, HttpContext context, SnapshotCache cache)
    {
        if (RequestErrors.Blank(rawKey) is not { } input)
        {
            return ("", RequestErrors.MissingKey());
        }

        if (LicenseKeyFormat.Classify(input, out var key) == LicenseKeyKind.Invalid)
        {
            return ("", RequestErrors.InvalidKeyFormat());
        }

        if (!CallerScope.TryResolve(context, out var caller))
        {
            return ("", RequestErrors.BadIdentity());
        }

        var lookup = await cache.LookupAsync(key, context.RequestAborted);
        return lookup.State switch
        {
            LookupState.Unavailable => ("", RequestErrors.Unavailable()),
            LookupState.Found when CallerScope.CanSee(caller, lookup.License!) => (key, null),
            _ => ("", RequestErrors.Error(StatusCodes.Status404NotFound, ValidationCodes.LicenseNotFound, Refusal.NotFound.Message)),
        };
    }

    /// <summary>
    /// A write: the key checked and the license looked up (<see cref="PrepareAsync"/>), then <paramref name="call"/> with
    /// the canonical key, its answer as 200 and Licensing's refusals as errors (<see cref="Failed"/>).
    /// </summary>
    public static async Task<Results<Ok<T>, JsonHttpResult<ApiError>>> RunAsync<T>(
        string? rawKey, HttpContext context, SnapshotCache cache, (string Code, string Message) notFound, Func<string, Task<T>> call)
    {
        var (key, error) = await PrepareAsync(rawKey, context, cache);
        if (error is not null)
        {
            return error;
        }

        try
        {
            return TypedResults.Ok(await call(key));
        }
        catch (RpcException ex)
        {
            return Failed(ex, notFound.Code, notFound.Message);
        }
    }

    /// <summary>A failed call as the client sees it; <paramref name="notFound"/> is the code for Licensing's NOT_FOUND.</summary>
    public static JsonHttpResult<ApiError> Failed(RpcException ex, string notFound, string notFoundMessage)
    {
        if (LicensingRefusal.CodeOf(ex) is { } code)
        {
            return RequestErrors.Error(ValidationCodes.StatusOf(code), code, ex.Status.Detail);
        }

        return ex.StatusCode switch
        {
            StatusCode.NotFound => RequestErrors.Error(StatusCodes.Status404NotFound, notFound, notFoundMessage),
            StatusCode.InvalidArgument => RequestErrors.Invalid(ex.Status.Detail),
            _ => RequestErrors.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "Licensing cannot be reached; try again shortly."),
        };
    }
}
