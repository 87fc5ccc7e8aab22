using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Diagnostics;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// WebApplication adds the developer exception page in Development, which would show a stack trace
/// to the client. This filter hands the exception back to <see cref="ErrorResponseMiddleware"/> so
/// the answer is the same in every environment.
/// </summary>
internal sealed class RethrowDeveloperPageFilter : IDeveloperPageExceptionFilter
{
    public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        ExceptionDispatchInfo.Throw(errorContext.Exception);
        return Task.CompletedTask;
    }
}
