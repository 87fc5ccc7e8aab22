using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;

namespace Platform.Licensing.Apis;

/// <summary>How the license routes answer what the model refuses.</summary>
internal static class LicenseResults
{
    // Another tenant's license, or the other environment's, is answered exactly like one that does not exist.
    public static IResult NotFound(string id) => ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No license {id}.");

    public static IResult Conflict(string message) => ApiErrorWriter.Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, message);

    /// <summary>400 <c>VALIDATION_ERROR</c> naming the field of the terms the model refused, within <paramref name="prefix"/> (an entry of a batch).</summary>
    public static IResult Invalid(LicenseTermsException refused, string prefix = "")
    {
        var problem = new ValidationProblem(prefix);
        problem.Invalid(refused.Field, refused.Why);
        return problem.ToResult();
    }

    /// <summary>Runs <paramref name="action"/>, turning the model's refusals into 400 / 404 / 409 answers.</summary>
    public static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (LicenseReferenceException ex)
        {
            return ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, ex.Message);
        }
        catch (LicenseTermsException ex)
        {
            return Invalid(ex);
        }
        catch (LicenseStateException ex)
        {
            return Conflict(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The license changed meanwhile; read it again and retry.");
        }
    }
}
