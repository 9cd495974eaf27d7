namespace KinerjaBot.Storage;

/// <summary>
/// This instance's turn at a <see cref="LeaseRole"/>. <see cref="Lost"/> fires if the database stops vouching for it
/// (its connection broke), so the holder stops at once rather than working beside the instance that takes over.
/// Disposing gives the turn back.
/// </summary>
public sealed class StoreLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _lost;
    private readonly Func<ValueTask> _release;
    private int _disposed;

    internal StoreLease(CancellationTokenSource lost, Func<ValueTask> release)
    {
        _lost = lost;
        _release = release;
    }

    public CancellationToken Lost => _lost.Token;

    /// <summary>
    /// Raised (on a database thread; keep the handler short) when another instance committed a write, for the
    /// sender's lease on PostgreSQL: replies queued there go out without waiting for the next poll. Never with SQLite.
    /// </summary>
    public event Action? WrittenElsewhere;

    internal void RaiseWrittenElsewhere() => WrittenElsewhere?.Invoke();

    /// <summary>A lease on a store only one instance can use (the SQLite file): it is always this instance's and never lost.</summary>
    internal static StoreLease Sole() => new(new CancellationTokenSource(), static () => ValueTask.CompletedTask);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await _release();
        }
        finally
        {
            _lost.Dispose();
        }
    }
}
