using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.ServiceDefaults.Json;

namespace Platform.Validation.Apis;

/// <summary>
/// The hot route's request type, from the generated context with the platform's request naming policy added (the
/// snake_case spellings), as the framework's binder reads the other routes' bodies. Built once.
/// </summary>
internal static class ValidationRequests
{
    private static readonly JsonSerializerOptions Options = new(ValidationJsonContext.Default.Options)
    {
        TypeInfoResolver = RequestNaming.AcceptingSnakeCase(ValidationJsonContext.Default),
    };

    public static readonly JsonTypeInfo<ValidateRequest> Validate =
        (JsonTypeInfo<ValidateRequest>)Options.GetTypeInfo(typeof(ValidateRequest));
}
