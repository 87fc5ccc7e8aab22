using Platform.ServiceDefaults.Errors;

namespace Platform.Licensing.Apis;

/// <summary>Collects what is wrong with a request body, naming each field at fault.</summary>
internal sealed class ValidationProblem(string fieldPrefix = "")
{
    private readonly List<string> missing = [];
    private readonly List<string> invalid = [];

    public bool HasErrors => missing.Count > 0 || invalid.Count > 0;

    public void Missing(string field) => missing.Add(fieldPrefix + field);

    public void Invalid(string field, string why) => invalid.Add($"{fieldPrefix}{field} {why}");

    /// <summary>400 MISSING_FIELDS when a required field is absent, else 400 VALIDATION_ERROR.</summary>
    public IResult ToResult() => missing.Count > 0
        ? ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.MissingFields, $"Missing required fields: {string.Join(", ", missing)}.")
        : ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"Invalid fields: {string.Join("; ", invalid)}.");
}
