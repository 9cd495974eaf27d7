using System.Diagnostics;

namespace KinerjaBot.Sandbox;

/// <summary>
/// The one way the sandbox's test-facing waits work: take a snapshot under the owner's lock together with the
/// signal's next change, probe the snapshot outside the lock (the probe is the caller's code), sleep until the
/// signal fires. Nothing polls on a timer.
/// </summary>
internal static class SignalWait
{
    public static async Task<T> UntilAsync<TSnapshot, T>(
        Lock gate,
        ChangeSignal signal,
        Func<TSnapshot> snapshot,
        Func<TSnapshot, T?> probe,
        Func<TSnapshot, string> describeTimeout,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        // Real time on purpose: the bot runs in real time even when message dates come from a fake clock.
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            TSnapshot current;
            Task next;
            lock (gate)
            {
                current = snapshot();
                next = signal.NextChange;
            }

            if (probe(current) is { } found)
            {
                return found;
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            try
            {
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await next.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(describeTimeout(current));
            }
        }
    }
}
