using Microsoft.AspNetCore.Hosting;

namespace Platform.ServiceDefaults.Errors;

/// <summary>Puts <see cref="ErrorResponseMiddleware"/> first in every service's pipeline.</summary>
internal sealed class ErrorResponseStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ErrorResponseMiddleware>();
        next(app);
    };
}
