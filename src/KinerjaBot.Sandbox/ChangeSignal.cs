namespace KinerjaBot.Sandbox;

/// <summary>
/// A version counter with a task that completes at the next change, so waiters (long polls, tests, a web page)
/// wake exactly when something happens instead of sleeping in a loop. Not thread-safe by itself: the owner
/// calls it under its own lock; continuations run asynchronously so nothing runs inside that lock.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version { get; private set; }

    /// <summary>Completes at the next <see cref="Notify"/>; capture it together with the state it guards.</summary>
    public Task NextChange => _next.Task;

    public long Notify()
    {
        Version++;
        var current = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        current.SetResult();
        return Version;
    }
}
