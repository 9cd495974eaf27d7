namespace KinerjaBot.Telegram;

/// <summary>
/// The bot-wide limit on sends and edits (Telegram: about 30 in any second), as a sliding window in which a slot is
/// taken before the request leaves and freed only <c>window</c> after its answer came back. Telegram counts a request
/// when it arrives, which lies between the two, so two requests a window apart by this count are at least a window
/// apart when they arrive, whatever the network did in between (a fixed-window or start-time count lets bursts
/// straddle the window's edge, which a sliding window at the server rejects).
/// </summary>
/// <remarks>
/// Waiters are served by priority, first come first served within one, and a background waiter that has waited
/// the aging limit (<see cref="TelegramSenderOptions.BackgroundAgingLimit"/>) goes first anyway, so nobody starves. A 429 pauses every sender until its
/// <c>retry_after</c> has passed (Telegram does not say whether it was the chat's or the bot's limit, and a request
/// inside a bot-wide flood wait only extends it) and lowers the limit by a quarter; every
/// <see cref="ProbeAfter"/> without a 429 raises it by one again, up to the configured limit.
/// </remarks>
internal sealed class GlobalSendWindow
{
    public static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly int _configuredLimit;
    private readonly TimeSpan _window;
    private readonly TimeSpan _agingLimit;
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _freesAt = new();
    private readonly Queue<Waiter>[] _waiting = [new(), new()];
    private readonly ITimer _timer;
    private int _limit;
    private int _inFlight;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastAdjust;

    public GlobalSendWindow(TimeProvider time, int limit, TimeSpan window, TimeSpan agingLimit)
    {
        _agingLimit = agingLimit;
        _time = time;
        _configuredLimit = limit;
        _limit = limit;
        _window = window;
        _lastAdjust = time.GetUtcNow();
        _timer = time.CreateTimer(static state => ((GlobalSendWindow)state!).Pump(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The limit in force now (lower than configured for a while after a 429).</summary>
    public int CurrentLimit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    /// <summary>Waits for a slot; dispose the lease when the request's answer (or failure) came back.</summary>
    public async Task<Lease> AcquireAsync(SendPriority priority, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(_time.GetUtcNow());
        lock (_gate)
        {
            _waiting[(int)priority].Enqueue(waiter);
        }

        Pump();
        await using (cancellationToken.Register(static w => ((Waiter)w!).Granted.TrySetCanceled(), waiter))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        return new Lease(this);
    }

    /// <summary>Telegram answered 429: nobody sends before <paramref name="until"/>, and the limit goes down a quarter.</summary>
    public void Pause(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            _limit = Math.Max(1, _limit * 3 / 4);
            _lastAdjust = _time.GetUtcNow();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            _freesAt.Enqueue(_time.GetUtcNow() + _window);
        }

        Pump();
    }

    private void Pump()
    {
        DateTimeOffset? next = null;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_freesAt.Count > 0 && _freesAt.Peek() <= now)
            {
                _freesAt.Dequeue();
            }

            if (_limit < _configuredLimit && now - _lastAdjust >= ProbeAfter)
            {
                _limit++;
                _lastAdjust = now;
            }

            while (now >= _pausedUntil && _inFlight + _freesAt.Count < _limit && NextWaiter(now) is { } waiter)
            {
                // A cancelled waiter is skipped without taking the slot.
                if (waiter.Granted.TrySetResult())
                {
                    _inFlight++;
                }
            }

            if (_waiting[0].Count + _waiting[1].Count > 0)
            {
                next = now < _pausedUntil ? _pausedUntil
                    : _freesAt.Count > 0 ? _freesAt.Peek()
                    : null; // all slots in flight: the next Release pumps
                if (_limit < _configuredLimit && next is null)
                {
                    next = _lastAdjust + ProbeAfter;
                }
            }

            if (next is { } at)
            {
                // Rounded up to whole milliseconds: a truncated due time fires before the slot frees and spins.
                _timer.Change(SendClock.TimerDue(at - now), Timeout.InfiniteTimeSpan);
            }
        }
    }

    // Under _gate: the interactive queue's head, unless the background head has waited too long or is older and
    // no reply waits. Cancelled waiters are dropped on the way.
    private Waiter? NextWaiter(DateTimeOffset now)
    {
        foreach (var queue in _waiting)
        {
            while (queue.Count > 0 && queue.Peek().Granted.Task.IsCompleted)
            {
                queue.Dequeue();
            }
        }

        var interactive = _waiting[0];
        var background = _waiting[1];
        if (background.Count > 0 && (interactive.Count == 0 || now - background.Peek().Since >= _agingLimit))
        {
            return background.Dequeue();
        }

        return interactive.Count > 0 ? interactive.Dequeue() : null;
    }

    /// <summary>A taken slot; disposing it starts the slot's window from now (the answer came back).</summary>
    internal sealed class Lease(GlobalSendWindow owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release();
            }
        }
    }

    private sealed class Waiter(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
