using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Errors;

namespace Platform.Validation.Apis;

/// <summary>
/// The JSON of the run-time API, generated at build time (the web defaults, as the framework's own options): answers
/// are written by generated code straight to the response, with no reflection and no per-request serializer state.
/// First in the HTTP JSON options' resolver chain; any other type falls through to the reflection-based resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ValidateRequest))]
[JsonSerializable(typeof(ActivationRequest))]
[JsonSerializable(typeof(SeatRequest))]
[JsonSerializable(typeof(ValidAnswer))]
[JsonSerializable(typeof(RefusalAnswer))]
[JsonSerializable(typeof(ActivationAnswer))]
[JsonSerializable(typeof(SeatAnswer))]
[JsonSerializable(typeof(CheckinAnswer))]
[JsonSerializable(typeof(JwkSet))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class ValidationJsonContext : JsonSerializerContext;
