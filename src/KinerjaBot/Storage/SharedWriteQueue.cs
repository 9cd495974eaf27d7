using System.Collections.Concurrent;

namespace KinerjaBot.Storage;

/// <summary>
/// Runs the write steps callers hand in at about the same moment one after another in one write transaction, each in
/// its own savepoint, and commits them together (decisions/0028).
/// </summary>
/// <remarks>
/// Why: with one transaction per update the single writer's turn passed ~80 times per getUpdates batch, and each hand-off
/// went through the thread pool (a waiter's continuation runs on another thread) while the writer stood idle; with
/// BEGIN and COMMIT that was a third of the writer's time at 200 officials. Here one drain loop runs the queued steps
/// back to back on one flow. A step that throws is rolled back to its savepoint alone, and its caller gets its error; the
/// others still commit. A caller's task completes only once the shared transaction has committed, so "applied" still
/// means "saved".
/// </remarks>
internal sealed class SharedWriteQueue(Func<CancellationToken, Task<StoreTransaction>> begin)
{
    // Bounds how long the first step of a transaction waits for its commit behind the others.
    private const int MaxStepsPerTransaction = 64;

    private readonly ConcurrentQueue<IQueuedStep> _queue = new();
    private int _draining;

    public Task<T> RunAsync<T>(Func<StoreTransaction, CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new QueuedStep<T>(step, cancellationToken);
        _queue.Enqueue(queued);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return queued.Result;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            try
            {
                while (!_queue.IsEmpty)
                {
                    await RunTogetherAsync();
                }
            }
            finally
            {
                // A full fence, so the look at the queue below cannot be read before the flag is seen reset: otherwise a
                // step queued in between could find the flag still set while this loop sees no step, and nobody runs it.
                Interlocked.Exchange(ref _draining, 0);
            }

            // A step queued between the last look and the reset found the flag still set: take it up here.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task RunTogetherAsync()
    {
        StoreTransaction transaction;
        try
        {
            transaction = await begin(CancellationToken.None);
        }
        catch (Exception e)
        {
            // No transaction, so nothing ran: the waiting callers are told to try again rather than this loop spinning on BEGIN.
            foreach (var step in TakeQueued())
            {
                step.Fail(new SharedWriteAbortedException(e));
            }

            return;
        }

        // Taken only now that the writer's turn has come, so a caller that gave up while waiting for it is not run.
        var steps = TakeQueued();
        var committed = false;
        try
        {
            await using (transaction)
            {
                if (steps.Count == 0)
                {
                    return;
                }

                foreach (var step in steps)
                {
                    var undoMark = await transaction.BeginPartAsync();
                    try
                    {
                        await step.RunAsync(transaction);
                        await transaction.KeepPartAsync();
                    }
                    catch (Exception e)
                    {
                        step.Failure = e;
                        await transaction.UndoPartAsync(undoMark);
                    }
                }

                await transaction.CommitAsync(CancellationToken.None);
                committed = true;
            }
        }
        catch (Exception e) when (!committed)
        {
            // The shared transaction itself failed (a savepoint that could not be set or undone, COMMIT, a lost connection):
            // nothing of it was saved. A step that failed on its own keeps its own error, so its usual handling follows
            // (and a step that breaks every group it is in is not retried for ever); the others did nothing wrong and
            // are told to try again.
            foreach (var step in steps)
            {
                step.Fail(step.Failure ?? new SharedWriteAbortedException(e));
            }

            return;
        }
        catch (Exception) when (committed)
        {
            // Only closing the committed transaction failed (the store replaces the connection): the changes are saved.
        }

        foreach (var step in steps)
        {
            step.Complete();
        }
    }

    private List<IQueuedStep> TakeQueued()
    {
        var steps = new List<IQueuedStep>();
        while (steps.Count < MaxStepsPerTransaction && _queue.TryDequeue(out var next))
        {
            if (!next.TryCancelIfRequested())
            {
                steps.Add(next);
            }
        }

        return steps;
    }

    private interface IQueuedStep
    {
        Exception? Failure { get; set; }

        bool TryCancelIfRequested();

        Task RunAsync(StoreTransaction transaction);

        void Fail(Exception error);

        void Complete();
    }

    private sealed class QueuedStep<T>(Func<StoreTransaction, CancellationToken, Task<T>> step, CancellationToken cancellationToken) : IQueuedStep
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public Exception? Failure { get; set; }

        public bool TryCancelIfRequested() => cancellationToken.IsCancellationRequested && _result.TrySetCanceled(cancellationToken);

        public async Task RunAsync(StoreTransaction transaction) => _value = await step(transaction, cancellationToken);

        public void Fail(Exception error)
        {
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                _result.TrySetCanceled(cancellationToken);
            }
            else
            {
                _result.TrySetException(error);
            }
        }

        public void Complete()
        {
            if (Failure is { } failure)
            {
                Fail(failure);
            }
            else
            {
                _result.TrySetResult(_value!);
            }
        }
    }
}
