using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;

namespace Platform.Licensing.Tests;

/// <summary>
/// Licensing's real gRPC service (Grpc.AspNetCore on Kestrel) called by the reference implementation, @grpc/grpc-js,
/// with the project's own protos: the wire contract and the authentication of every method, checked by a peer we did
/// not write.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GrpcInteropTests(PostgresFixture postgres)
{
    private const int Ok = 0;
    private const int PermissionDenied = 7;
    private const int Unauthenticated = 16;

    [Fact]
    public async Task GrpcJsChecksHealthAndReadsALicenseWithAServiceCredential()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var license = await s.CreateLicenseAsync();

        var health = await GrpcJs.RunAsync(s.Grpc.Address, "health");
        var read = await GrpcJs.RunAsync(s.Grpc.Address, "call", "GetLicenseByKey", Json(new { key = license.GetProperty("key").GetString() }), Service("validation"));

        Assert.Equal((Ok, "SERVING"), (health.GetProperty("code").GetInt32(), health.GetProperty("response").GetProperty("status").GetString()));
        Assert.Equal(Ok, read.GetProperty("code").GetInt32());
        Assert.Equal(license.GetProperty("id").GetString(), read.GetProperty("response").GetProperty("id").GetString());
        Assert.Equal(s.TenantId, read.GetProperty("response").GetProperty("tenant_id").GetString());
    }

    [Fact]
    public async Task GrpcJsWithoutValidCredentialsIsUnauthenticatedOnEveryMethod()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var forged = ServiceCredential.Sign("validation", RandomNumberGenerator.GetBytes(32), DateTimeOffset.UtcNow);
        var expired = IdentityToken.Sign(Admin(s.TenantId), SharedSecret.Value, DateTimeOffset.UtcNow.AddMinutes(-6));

        var none = await GrpcJs.RunAsync(s.Grpc.Address, "every-method");
        var forgedService = await GrpcJs.RunAsync(s.Grpc.Address, "every-method", $"{ServiceCredential.MetadataKey}={forged}");
        var expiredIdentity = await GrpcJs.RunAsync(s.Grpc.Address, "every-method", $"{IdentityToken.MetadataKey}={expired}");

        var methods = LicensingGrpc.Descriptor.Methods.Select(m => m.Name).Order().ToArray();
        foreach (var codes in new[] { none, forgedService, expiredIdentity })
        {
            Assert.Equal(methods, codes.EnumerateObject().Select(p => p.Name).Order().ToArray());
            Assert.All(codes.EnumerateObject(), p => Assert.True(p.Value.GetInt32() == Unauthenticated, $"{p.Name}: {p.Value}"));
        }
    }

    [Fact]
    public async Task GrpcJsWithAnotherTenantsIdentityIsPermissionDeniedAndChangesNothing()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var license = await s.CreateLicenseAsync();
        var key = license.GetProperty("key").GetString()!;
        var id = license.GetProperty("id").GetString()!;
        string otherTenant;
        await using (var db = s.Database.CreateContext())
        {
            otherTenant = (await new TenantProvisioning(db).CreateAsync("Rival", RateLimitPlan.Enterprise, null, CancellationToken.None)).TenantId;
        }

        var other = $"{IdentityToken.MetadataKey}={IdentityToken.Sign(Admin(otherTenant), SharedSecret.Value, DateTimeOffset.UtcNow)}";
        var own = $"{IdentityToken.MetadataKey}={IdentityToken.Sign(Admin(s.TenantId), SharedSecret.Value, DateTimeOffset.UtcNow)}";
        var command = new { idempotency_key = "attack-1", tenant_id = s.TenantId, environment = "test", license_id = id };

        var read = await GrpcJs.RunAsync(s.Grpc.Address, "call", "GetLicenseByKey", Json(new { key }), other);
        var batch = await GrpcJs.RunAsync(s.Grpc.Address, "call", "GetLicensesByKeys", Json(new { keys = new[] { key } }), other);
        var activate = await GrpcJs.RunAsync(s.Grpc.Address, "call", "Activate", Json(new { key, fingerprint = "intruder" }), other);
        var bind = await GrpcJs.RunAsync(s.Grpc.Address, "call", "BindDomain", Json(new { key, domain = "evil.example" }), other);
        var suspend = await GrpcJs.RunAsync(s.Grpc.Address, "call", "SuspendLicense", Json(command), other);
        var lookup = await GrpcJs.RunAsync(s.Grpc.Address, "call", "ResolveApiKey", Json(new { api_key = "to_test_x" }), own);
        var ownRead = await GrpcJs.RunAsync(s.Grpc.Address, "call", "GetLicenseByKey", Json(new { key }), own);

        Assert.All(new[] { read, batch, activate, bind, suspend, lookup }, r => Assert.Equal(PermissionDenied, r.GetProperty("code").GetInt32()));
        Assert.Equal(Ok, ownRead.GetProperty("code").GetInt32());
        Assert.Equal(("active", 0), (ownRead.GetProperty("response").GetProperty("status").GetString(), ownRead.GetProperty("response").GetProperty("activations").GetInt32()));
        Assert.Empty(ownRead.GetProperty("response").GetProperty("domains").EnumerateArray());
    }

    [Fact]
    public async Task AServiceMayCallOnlyTheMethodsOfItsRole()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var key = (await s.CreateLicenseAsync()).GetProperty("key").GetString();

        var gatewayReads = await GrpcJs.RunAsync(s.Grpc.Address, "call", "GetLicenseByKey", Json(new { key }), Service("gateway"));
        var validationCommands = await GrpcJs.RunAsync(s.Grpc.Address, "call", "RevokeLicense", Json(new { idempotency_key = "k" }), Service("validation"));
        var unknownService = await GrpcJs.RunAsync(s.Grpc.Address, "call", "GetLicenseByKey", Json(new { key }), Service("intruder"));

        Assert.All(new[] { gatewayReads, validationCommands, unknownService }, r => Assert.Equal(PermissionDenied, r.GetProperty("code").GetInt32()));
        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await s.Grpc.Licensing.GetLicenseByKeyAsync(new() { Key = key }, new Metadata { { ServiceCredential.MetadataKey, ServiceCredential.Sign("billing", SharedSecret.Value, DateTimeOffset.UtcNow) } }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    private static CallerIdentity Admin(string tenantId) => new(tenantId, "test", [ApiKey.AdminScope], "key_test", "enterprise");

    private static string Service(string name) => $"{ServiceCredential.MetadataKey}={ServiceCredential.Sign(name, SharedSecret.Value, DateTimeOffset.UtcNow)}";

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
