namespace Platform.Protos.Licensing.V1;

/// <summary>The limit of <c>Licensing.GetLicensesByKeys</c>, part of the contract: the server refuses more, the client sends no more.</summary>
public sealed partial class GetLicensesByKeysRequest
{
    /// <summary>At most this many keys in one request (more is <c>INVALID_ARGUMENT</c>).</summary>
    public const int MaxKeys = 500;
}
