using KinerjaBot.Storage;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Records the dispatcher's outcomes (sent, given up, held) with group commit: outcomes that arrive while a commit is
/// under way are applied together in the next write transaction instead of one transaction each. Each caller still
/// waits until its own outcome is committed, so a chat's worker never sends its next item before the last one is
/// recorded, and a crash re-sends at most what was in flight, as before.
/// </summary>
internal sealed class OutboxRecorder(KinerjaStore store)
{
    private readonly Lock _gate = new();
    private List<PendingRecord> _queue = [];
    private bool _draining;

    /// <summary>Completes when <paramref name="change"/> is committed; faults when it could not be.</summary>
    public Task RecordAsync(Func<StoreTransaction, Task> change)
    {
        var pending = new PendingRecord(change);
        bool start;
        lock (_gate)
        {
            _queue.Add(pending);
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            _ = Task.Run(DrainAsync);
        }

        return pending.Done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<PendingRecord> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }

                batch = _queue;
                _queue = [];
            }

            try
            {
                await ApplyAsync(batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One outcome failed and took the others' transaction with it: each is tried on its own, so only it fails.
                foreach (var pending in batch)
                {
                    try
                    {
                        await ApplyAsync([pending]);
                        pending.Done.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        pending.Done.TrySetException(e);
                    }
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task ApplyAsync(IReadOnlyList<PendingRecord> batch)
    {
        await using var transaction = await store.BeginAsync(CancellationToken.None);
        foreach (var pending in batch)
        {
            await pending.Change(transaction);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private sealed record PendingRecord(Func<StoreTransaction, Task> Change)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
