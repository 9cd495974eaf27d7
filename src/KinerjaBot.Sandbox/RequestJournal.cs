using System.Diagnostics;
using System.Globalization;

namespace KinerjaBot.Sandbox;

/// <summary>Every request the bot made, bounded, with real-time stamps so tests can measure the bot's spacing and retries.</summary>
internal sealed class RequestJournal(int capacity)
{
    private readonly Lock _gate = new();
    private readonly ChangeSignal _recorded = new();
    private readonly List<RecordedBotRequest> _requests = [];
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _nextSequence;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startedAt);

    public long NextSequence() => Interlocked.Increment(ref _nextSequence);

    public void Record(RecordedBotRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            if (_requests.Count > capacity)
            {
                _requests.RemoveRange(0, _requests.Count - capacity);
            }

            _recorded.Notify();
        }
    }

    /// <summary>In arrival order: a long poll is recorded when it ends, after requests that came later.</summary>
    public IReadOnlyList<RecordedBotRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests.OrderBy(r => r.Sequence)];
        }
    }

    public Task<RecordedBotRequest> WaitForAsync(Func<RecordedBotRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return SignalWait.UntilAsync(
            _gate,
            _recorded,
            () => _requests.OrderBy(r => r.Sequence).ToList(),
            requests => requests.FirstOrDefault(predicate),
            requests => $"No bot request matched within {timeout.TotalSeconds:0.###}s. Requests so far:\n"
                + string.Join('\n', requests.TakeLast(30).Select(Describe)),
            timeout,
            cancellationToken);
    }

    private static string Describe(RecordedBotRequest request) =>
        $"{request.Sequence} {request.Method} chat={request.ChatId} -> {request.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "dropped"}";
}
