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
            while (!_queue.IsEmpty)
            {
                await RunTogetherAsync();
            }

            Volatile.Write(ref _draining, 0);

            // A step queued between the last look and the reset found the flag still set: take it up here.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task RunTogetherAsync()
    {
        var steps = new List<IQueuedStep>();
        while (steps.Count < MaxStepsPerTransaction && _queue.TryDequeue(out var next))
        {
            if (!next.TryCancelIfRequested())
            {
                steps.Add(next);
            }
        }

        if (steps.Count == 0)
        {
            return;
        }

        IQueuedStep? running = null;
        try
        {
            await using var transaction = await begin(CancellationToken.None);
            foreach (var step in steps)
            {
                running = step;
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

            running = null;
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The shared transaction itself failed (BEGIN, a savepoint that could not be undone, COMMIT): nothing of it was
            // saved. The step it failed in gets the error; the others did nothing wrong and are told to try again.
            foreach (var step in steps)
            {
                step.Fail(ReferenceEquals(step, running) || running is null ? step.Failure ?? e : new SharedWriteAbortedException(e));
            }

            return;
        }

        foreach (var step in steps)
        {
            step.Complete();
        }
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
