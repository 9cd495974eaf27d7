using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Benchmarks.Load;

/// <summary>Counts the bot's warnings and errors during a load run and keeps the first few for the report.</summary>
public sealed class CountingLoggerProvider : ILoggerProvider
{
    private const int Kept = 20;

    private int _warnings;
    private int _errors;

    public int Warnings => Volatile.Read(ref _warnings);

    public int Errors => Volatile.Read(ref _errors);

    public ConcurrentQueue<string> First { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(LogLevel level, string category, string message, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
        }
        else
        {
            Interlocked.Increment(ref _warnings);
        }

        if (First.Count < Kept)
        {
            var error = exception is null ? string.Empty : $" [{exception.GetType().Name}: {exception.Message}]";
            First.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {level} {category}: {message}{error}");
        }
    }

    private sealed class Logger(CountingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Record(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
