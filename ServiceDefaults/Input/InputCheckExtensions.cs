using Microsoft.AspNetCore.Hosting;

namespace Platform.ServiceDefaults.Input;

public static class InputCheckExtensions
{
    /// <summary>
    /// Puts <see cref="RequestInputChecks"/> in the service's pipeline, just inside the error middleware: for services
    /// that read what they are sent (not the Gateway, which streams bodies through unread).
    /// </summary>
    public static IHostApplicationBuilder AddRequestInputChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStartupFilter, RequestInputChecksStartupFilter>();
        return builder;
    }

    private sealed class RequestInputChecksStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<RequestInputChecks>();
            next(app);
        };
    }
}
