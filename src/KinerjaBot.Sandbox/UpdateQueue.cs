using System.Diagnostics;
using Telegram.Bot.Types;

namespace KinerjaBot.Sandbox;

/// <summary>
/// What getUpdates hands out: updates in id order until an offset confirms them, the long poll waiting for the
/// next one, and redelivery. Callers may hold the chats' lock when they enqueue; this lock never calls out.
/// </summary>
internal sealed class UpdateQueue
{
    private const string ConflictDescription =
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    private const string WebhookActiveDescription =
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

    private readonly Lock _gate = new();
    private readonly ChangeSignal _enqueued = new();
    private readonly ChangeSignal _pollChanged = new();
    private readonly List<PendingUpdate> _pending = [];

    // Ids a webhook connection is pushing right now; another connection takes the next one.
    private readonly HashSet<long> _beingDelivered = [];
    private readonly Dictionary<long, Update> _history = [];
    private long _nextUpdateId;
    private ActivePoll? _activePoll;
    private WebhookSubscription? _webhook;

    public UpdateQueue(long firstUpdateId) => _nextUpdateId = Math.Max(1, firstUpdateId);

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public bool IsLongPolling
    {
        get
        {
            lock (_gate)
            {
                return _activePoll is not null;
            }
        }
    }

    /// <summary>The webhook setWebhook registered, if any: while there is one, updates are pushed, not polled.</summary>
    public WebhookSubscription? Webhook
    {
        get
        {
            lock (_gate)
            {
                return _webhook;
            }
        }
    }

    public void SetWebhook(WebhookSubscription subscription)
    {
        lock (_gate)
        {
            _webhook = subscription;
            _pollChanged.Notify();
            _enqueued.Notify();
        }
    }

    public void DeleteWebhook(bool dropPendingUpdates)
    {
        lock (_gate)
        {
            _webhook = null;
            if (dropPendingUpdates)
            {
                _pending.Clear();
            }

            _pollChanged.Notify();
        }
    }

    /// <summary>
    /// Waits for the oldest pending update that no other connection is delivering, while a webhook is set, and marks
    /// it as being delivered. With one connection (the default) that is one delivery at a time, in id order, as
    /// Telegram does with max_connections 1: a chat's updates never overtake each other.
    /// </summary>
    public async Task<(WebhookSubscription Webhook, Update Update)> NextForWebhookAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_webhook is { } webhook && _pending.Find(p => !_beingDelivered.Contains(p.UpdateId)) is { } pending)
                {
                    _beingDelivered.Add(pending.UpdateId);
                    pending.DeliveredAgain = pending.Redelivered;
                    return (webhook, pending.Update);
                }

                next = _enqueued.NextChange;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The bot answered 2xx: the update is gone from the queue, as an offset would confirm it.</summary>
    public void ConfirmWebhookDelivery(long updateId)
    {
        lock (_gate)
        {
            _beingDelivered.Remove(updateId);
            var index = _pending.FindIndex(p => p.UpdateId == updateId);
            if (index >= 0)
            {
                _pending.RemoveAt(index);
            }

            _pollChanged.Notify();
        }
    }

    /// <summary>The delivery failed: the update stays pending, and the next free connection tries it again.</summary>
    public void ReleaseWebhookDelivery(long updateId)
    {
        lock (_gate)
        {
            _beingDelivered.Remove(updateId);
            _enqueued.Notify();
        }
    }

    /// <summary>Completes once a webhook is set (the bot in webhook mode has started).</summary>
    public Task WaitForWebhookAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        SignalWait.UntilAsync<WebhookSubscription?, WebhookSubscription>(
            _gate,
            _pollChanged,
            () => _webhook,
            webhook => webhook,
            _ => $"The bot did not call setWebhook within {timeout.TotalSeconds:0.###}s.",
            timeout,
            cancellationToken);

    public long Enqueue(Message message) => Enqueue(id => new Update { Id = id, Message = message });

    public long Enqueue(CallbackQuery query) => Enqueue(id => new Update { Id = id, CallbackQuery = query });

    public void Redeliver(long updateId)
    {
        lock (_gate)
        {
            if (!_history.TryGetValue(updateId, out var update))
            {
                throw new ArgumentException($"No update {updateId} was ever queued.", nameof(updateId));
            }

            if (_pending.Any(p => p.UpdateId == updateId))
            {
                return;
            }

            var index = _pending.FindIndex(p => p.UpdateId > updateId);
            _pending.Insert(index < 0 ? _pending.Count : index, new PendingUpdate(update, redelivered: true));
            _enqueued.Notify();
        }
    }

    public Task WaitForLongPollAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        SignalWait.UntilAsync(
            _gate,
            _pollChanged,
            () => _activePoll is not null,
            polling => polling ? "polling" : null,
            _ => $"The bot did not start a getUpdates long poll within {timeout.TotalSeconds:0.###}s.",
            timeout,
            cancellationToken);

    /// <summary>
    /// Answers at once when updates are ready or <paramref name="timeout"/> is zero; otherwise waits. A newer poll
    /// ends this one with 409, as Telegram does with the older of two competing bot instances.
    /// </summary>
    public async Task<Update[]> GetUpdatesAsync(long? offset, int limit, TimeSpan timeout, CancellationToken stopping, CancellationToken requestAborted)
    {
        ActivePoll poll;
        ActivePoll? superseded;
        Task next;
        lock (_gate)
        {
            if (_webhook is not null)
            {
                throw new BotApiException(409, WebhookActiveDescription);
            }

            ApplyOffset(offset);
            var ready = Take(limit);
            if (ready.Length > 0 || timeout == TimeSpan.Zero)
            {
                return ready;
            }

            superseded = _activePoll;
            superseded?.Superseded = true;
            poll = new ActivePoll(CancellationTokenSource.CreateLinkedTokenSource(stopping, requestAborted));
            _activePoll = poll;
            _pollChanged.Notify();
            next = _enqueued.NextChange;
        }

        // Cancel outside the lock: cancellation callbacks may run synchronously.
        superseded?.Cancellation.Cancel();
        try
        {
            return await WaitForUpdatesAsync(poll, next, limit, timeout);
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll)
                {
                    _activePoll = null;
                    _pollChanged.Notify();
                }
            }

            poll.Cancellation.Dispose();
        }
    }

    private async Task<Update[]> WaitForUpdatesAsync(ActivePoll poll, Task next, int limit, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return [];
            }

            try
            {
                await next.WaitAsync(remaining, poll.Cancellation.Token);
            }
            catch (TimeoutException)
            {
                return [];
            }
            catch (OperationCanceledException) when (poll.Superseded)
            {
                throw new BotApiException(409, ConflictDescription);
            }

            lock (_gate)
            {
                var ready = Take(limit);
                if (ready.Length > 0)
                {
                    return ready;
                }

                next = _enqueued.NextChange;
            }
        }
    }

    private long Enqueue(Func<int, Update> create)
    {
        lock (_gate)
        {
            // Telegram.Bot reads update_id as an int, and Telegram's ids fit one.
            var update = create(checked((int)_nextUpdateId++));
            _pending.Add(new PendingUpdate(update, redelivered: false));
            _history[update.Id] = update;
            _enqueued.Notify();
            return update.Id;
        }
    }

    private void ApplyOffset(long? offset)
    {
        if (offset is not { } value)
        {
            return;
        }

        if (value < 0)
        {
            // Telegram: a negative offset keeps only the last |offset| updates.
            var keep = (int)Math.Min(-value, _pending.Count);
            _pending.RemoveRange(0, _pending.Count - keep);
            return;
        }

        _pending.RemoveAll(p => p.UpdateId < value && (!p.Redelivered || p.DeliveredAgain));
    }

    private Update[] Take(int limit)
    {
        var taken = _pending.Take(limit).ToArray();
        foreach (var pending in taken)
        {
            pending.DeliveredAgain = pending.Redelivered;
        }

        return [.. taken.Select(p => p.Update)];
    }
}
