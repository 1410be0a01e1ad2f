using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Engagement.EndToEndTests.Support;

/// <summary>A logger provider that keeps every line the engine logs: level, category, message, each structured value,
/// the scopes and the whole exception text, as a JSON console log would print them. Its filter alias is
/// <c>Capture</c>: <c>Logging:Capture:LogLevel:Default=Debug</c> lets it see what the console does not.</summary>
[ProviderAlias("Capture")]
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                {
                    line.Append($" | {name}={value}");
                }
            }
            logs._scopes?.ForEachScope((scope, text) => text.Append($" | scope {scope}"), line);
            if (exception is not null)
            {
                line.Append($" | {exception}");
            }
            logs._lines.Enqueue(line.ToString());
        }
    }
}
