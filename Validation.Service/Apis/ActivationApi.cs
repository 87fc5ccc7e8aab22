using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Errors;
using Grpc.Core;
using Platform.Validation.Cache;
using Platform.Validation.Licensing;
using Platform.Validation.Model;

namespace Platform.Validation.Apis;

internal static class ActivationApi
{
    /// <summary><c>POST /api/v1/activate</c>: binds the machine (idempotent: the same machine again changes nothing).</summary>
    public static async Task<Results<Ok<ActivationAnswer>, JsonHttpResult<ApiError>>> Activate(
        ActivationRequest request, HttpContext context, SnapshotCache cache, LicensingClient licensing)
    {
        if (RequestErrors.RequiredId(request.AnyMachine, "machine_id (or fingerprint)", out var machine) is { } refused)
        {
            return refused;
        }

        return await LicensingWrite.RunAsync(request.AnyKey, context, cache, (ValidationCodes.LicenseNotFound, Refusal.NotFound.Message), async key =>
        {
            var response = await licensing.ActivateAsync(new ActivateRequest
            {
                Key = key,
                Fingerprint = machine,
                Name = RequestErrors.Blank(request.Label ?? request.Name) ?? "",
                Platform = RequestErrors.Blank(request.Platform) ?? "",
                Hostname = RequestErrors.Blank(request.Hostname) ?? "",
                Ip = context.Connection.RemoteIpAddress?.ToString() ?? "",
            }, context.RequestAborted);
            var license = cache.Accept(key, response.License);
            return new ActivationAnswer(true, response.MachineId, response.NewlyActivated, response.Activations, license.View.MaxActivations, license.View);
        });
    }

    /// <summary><c>POST /api/v1/deactivate</c>: frees the machine's slot.</summary>
    public static async Task<Results<Ok<ActivationAnswer>, JsonHttpResult<ApiError>>> Deactivate(
        ActivationRequest request, HttpContext context, SnapshotCache cache, LicensingClient licensing)
    {
        if (RequestErrors.RequiredId(request.AnyMachine, "machine_id (or fingerprint)", out var machine) is { } refused)
        {
            return refused;
        }

        return await LicensingWrite.RunAsync(request.AnyKey, context, cache, (ValidationCodes.MachineNotFound, "This machine is not activated on the license."), async key =>
        {
            var response = await licensing.DeactivateAsync(new DeactivateRequest { Key = key, Fingerprint = machine }, context.RequestAborted);
            var license = cache.Accept(key, response.License);
            return new ActivationAnswer(false, null, false, response.Activations, license.View.MaxActivations, license.View);
        });
    }
}

/// <summary>The answer to activate and deactivate: whether the machine is now active on the license, and the license.</summary>
internal sealed record ActivationAnswer(
    bool Activated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MachineId,
    bool NewlyActivated,
    int Activations,
    int? MaxActivations,
    LicenseView License);
