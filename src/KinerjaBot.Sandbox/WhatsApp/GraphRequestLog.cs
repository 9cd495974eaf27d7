using System.Globalization;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>Every Graph call, bounded, in arrival order, with a wait for tests.</summary>
internal sealed class GraphRequestLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly ChangeSignal _recorded = new();
    private readonly List<WhatsAppGraphRequest> _requests = [];
    private long _nextSequence;

    public long NextSequence() => Interlocked.Increment(ref _nextSequence);

    public void Record(WhatsAppGraphRequest request)
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

    public IReadOnlyList<WhatsAppGraphRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests.OrderBy(r => r.Sequence)];
        }
    }

    public Task<WhatsAppGraphRequest> WaitForAsync(Func<WhatsAppGraphRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return SignalWait.UntilAsync(
            _gate,
            _recorded,
            () => _requests.OrderBy(r => r.Sequence).ToList(),
            requests => requests.FirstOrDefault(predicate),
            requests => $"No Graph request matched within {timeout.TotalSeconds:0.###}s. Requests so far:\n"
                + string.Join('\n', requests.TakeLast(30).Select(r =>
                    $"{r.Sequence} {r.Method} {r.Path} {r.MessageType} to={r.To} -> {r.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "dropped"} {r.ErrorCode}")),
            timeout,
            cancellationToken);
    }
}
