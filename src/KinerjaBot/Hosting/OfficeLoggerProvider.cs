using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Hosting;

/// <summary>
/// With several offices in one process their hosts log to the same console (and journal); this puts the office's id
/// in front of every message of its host, so an operator can tell whose bot said what.
/// </summary>
internal sealed class OfficeLoggerProvider(string officeId, ILoggerProvider inner, bool ownsInner) : ILoggerProvider, ISupportExternalScope
{
    /// <summary>Wraps every logging provider registered so far; call it after the host's logging is configured.</summary>
    public static void WrapAll(IServiceCollection services, string officeId)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var registered = services[i];
            if (registered.ServiceType != typeof(ILoggerProvider) || registered.IsKeyedService)
            {
                continue;
            }

            // A provider handed in as an instance belongs to whoever made it; one the container would have made is ours.
            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(sp => new OfficeLoggerProvider(officeId, Create(sp, registered), registered.ImplementationInstance is null));
        }
    }

    public ILogger CreateLogger(string categoryName) => new OfficeLogger($"[{officeId}] ", inner.CreateLogger(categoryName));

    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }

    // The console provider shows scopes only when the logger factory hands it the scope provider.
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor registered) =>
        (ILoggerProvider)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));

    private sealed class OfficeLogger(string prefix, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, (s, e) => prefix + formatter(s, e));
    }
}
