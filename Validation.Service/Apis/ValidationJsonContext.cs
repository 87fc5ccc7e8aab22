using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Errors;

namespace Platform.Validation.Apis;

/// <summary>
/// The JSON of the run-time API, generated at build time (the web defaults, as the framework's own options). First in
/// the HTTP JSON options' resolver chain, so these types are read and written without reflection; any other type falls
/// through to the reflection-based resolver. The serializer's fast path (generated code writing straight to the
/// response, no per-request serializer state) is taken only with this context's own type info, so the hot route,
/// validate, answers with <see cref="JsonAnswer{T}"/>s given <c>ValidationJsonContext.Default.…</c>.
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
