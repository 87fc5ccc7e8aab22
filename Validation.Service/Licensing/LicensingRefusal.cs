using Grpc.Core;

namespace Platform.Validation.Licensing;

/// <summary>Reads the refusal code Licensing sends with FAILED_PRECONDITION in the <c>x-error-code</c> trailer.</summary>
internal static class LicensingRefusal
{
    public const string Trailer = "x-error-code";

    public static string? CodeOf(RpcException ex) =>
        ex.StatusCode == StatusCode.FailedPrecondition ? ex.Trailers.GetValue(Trailer) : null;
}
