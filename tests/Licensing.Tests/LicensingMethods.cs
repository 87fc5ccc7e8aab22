using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc.Client;

namespace Platform.Licensing.Tests;

/// <summary>The methods of <c>licensing.v1.Licensing</c> the tests call, from the generated descriptor.</summary>
internal static class LicensingMethods
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = LicensingReflection.Descriptor.Services[0];

    public static readonly Method<GetLicenseByKeyRequest, LicenseSnapshot> GetLicenseByKey = Method.From<GetLicenseByKeyRequest, LicenseSnapshot>(Service, "GetLicenseByKey");
    public static readonly Method<GetLicensesByKeysRequest, GetLicensesByKeysResponse> GetLicensesByKeys = Method.From<GetLicensesByKeysRequest, GetLicensesByKeysResponse>(Service, "GetLicensesByKeys");
    public static readonly Method<BindDomainRequest, LicenseSnapshot> BindDomain = Method.From<BindDomainRequest, LicenseSnapshot>(Service, "BindDomain");
    public static readonly Method<CheckoutSeatRequest, SeatLease> CheckoutSeat = Method.From<CheckoutSeatRequest, SeatLease>(Service, "CheckoutSeat");
    public static readonly Method<HeartbeatSeatRequest, SeatLease> HeartbeatSeat = Method.From<HeartbeatSeatRequest, SeatLease>(Service, "HeartbeatSeat");
    public static readonly Method<CheckinSeatRequest, CheckinSeatResponse> CheckinSeat = Method.From<CheckinSeatRequest, CheckinSeatResponse>(Service, "CheckinSeat");
    public static readonly Method<RecordUsageRequest, RecordUsageResponse> RecordUsage = Method.From<RecordUsageRequest, RecordUsageResponse>(Service, "RecordUsage");
    public static readonly Method<CreateLicenseCommand, LicenseSnapshot> CreateLicense = Method.From<CreateLicenseCommand, LicenseSnapshot>(Service, "CreateLicense");
    public static readonly Method<RenewLicenseCommand, LicenseSnapshot> RenewLicense = Method.From<RenewLicenseCommand, LicenseSnapshot>(Service, "RenewLicense");
    public static readonly Method<LicenseCommand, LicenseSnapshot> SuspendLicense = Method.From<LicenseCommand, LicenseSnapshot>(Service, "SuspendLicense");
    public static readonly Method<ChangeLicensePlanCommand, LicenseSnapshot> ChangeLicensePlan = Method.From<ChangeLicensePlanCommand, LicenseSnapshot>(Service, "ChangeLicensePlan");
    public static readonly Method<LicenseCommand, LicenseSnapshot> RevokeLicense = Method.From<LicenseCommand, LicenseSnapshot>(Service, "RevokeLicense");
}
