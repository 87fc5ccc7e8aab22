using Npgsql;
using Grpc.Core;

namespace Platform.Billing.Processing;

/// <summary>Sorts what went wrong while applying an event into "try again" and "do not".</summary>
internal static class LicensingErrors
{
    /// <summary>Licensing refused the transition for the license's status (a revoked license cannot be suspended, …).</summary>
    public static bool IsStateConflict(RpcException ex) =>
        ex.StatusCode == StatusCode.FailedPrecondition && ex.Trailers.GetValue("x-error-code") == "LICENSE_STATE_CONFLICT";

    public static EventOutcome Classify(Exception exception) => exception switch
    {
        RpcException ex when IsStateConflict(ex) => EventOutcome.Skipped($"Licensing refused: {ex.Status.Detail}"),
        RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.ResourceExhausted or StatusCode.Cancelled } ex =>
            EventOutcome.Unavailable($"Licensing is unavailable: {ex.Status.Detail}"),
        RpcException { StatusCode: StatusCode.Internal or StatusCode.Unknown } ex => EventOutcome.Waiting($"Licensing failed: {ex.Status.Detail}"),
        RpcException ex => EventOutcome.Failed($"Licensing refused ({ex.StatusCode}{Code(ex)}): {ex.Status.Detail}"),
        HttpRequestException or TimeoutException or OperationCanceledException or NpgsqlException => EventOutcome.Unavailable($"{exception.GetType().Name}: {exception.Message}"),
        _ => EventOutcome.Waiting($"{exception.GetType().Name}: {exception.Message}"),
    };

    private static string Code(RpcException ex) => ex.Trailers.GetValue("x-error-code") is { } code ? $", {code}" : "";
}
