namespace KinerjaBot.Sandbox;

/// <summary>
/// A bounded log of what a client asked of a double, kept in arrival order (by a sequence number taken when the
/// request arrived), with a wait that wakes when a matching entry is recorded. The Bot API's and the Graph API's
/// request logs are both one.
/// </summary>
internal abstract class SequencedLog<T>(int capacity, Func<T, long> sequenceOf, string what)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly ChangeSignal _recorded = new();
    private readonly List<T> _entries = [];
    private long _nextSequence;

    public long NextSequence() => Interlocked.Increment(ref _nextSequence);

    public void Record(T entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            if (_entries.Count > capacity)
            {
                _entries.RemoveRange(0, _entries.Count - capacity);
            }

            _recorded.Notify();
        }
    }

    /// <summary>In arrival order: a long request is recorded when it ends, after requests that came later.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.OrderBy(sequenceOf)];
        }
    }

    public Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return SignalWait.UntilAsync(
            _gate,
            _recorded,
            () => _entries.OrderBy(sequenceOf).ToList(),
            entries => entries.FirstOrDefault(predicate),
            entries => $"No {what} matched within {timeout.TotalSeconds:0.###}s. Requests so far:\n" + string.Join('\n', entries.TakeLast(30).Select(Describe)),
            timeout,
            cancellationToken);
    }

    /// <summary>One line per entry for a timeout's message.</summary>
    protected abstract string Describe(T entry);
}
