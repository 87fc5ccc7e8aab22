using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Bench.Validation;

/// <summary>
/// The baseline: Kestrel with a minimal API that binds the same JSON body as <c>POST /api/v1/validate</c> and
/// returns a constant answer of the same shape: everything but the validation itself.
/// </summary>
internal static class BareEndpoint
{
    private static readonly object Answer = new
    {
        valid = true,
        license = new
        {
            id = "lic_bench0000000000000",
            key = "TO-AAAA-AAAA-AAAA-AAAA-AAAA",
            status = "active",
            type = "subscription",
            plan = (string?)null,
            productId = "prod_bench000000000000",
            features = new[] { "export", "sync" },
            expiresAt = (DateTimeOffset?)null,
            activations = 0,
            maxActivations = 5,
            domains = Array.Empty<string>(),
            maxDomains = (int?)null,
            seatsInUse = 0,
            maxSeats = (int?)null,
            keyValidUntil = (DateTimeOffset?)null,
            metadata = new Dictionary<string, string>(),
        },
        validatedAt = DateTimeOffset.UnixEpoch,
        expired = false,
        servedFromCache = false,
    };

    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/v1/validate", (BareRequest request) => request.Key is null ? Results.BadRequest() : Results.Ok(Answer));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine($"PORT {address.Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    internal sealed record BareRequest(
        [property: JsonPropertyName("key")] string? Key,
        [property: JsonPropertyName("license_key")] string? LicenseKey,
        [property: JsonPropertyName("machine_id")] string? MachineId,
        [property: JsonPropertyName("domain")] string? Domain,
        [property: JsonPropertyName("product_id")] string? ProductId,
        [property: JsonPropertyName("features")] List<string>? Features);
}
