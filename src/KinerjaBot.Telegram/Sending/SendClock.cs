namespace KinerjaBot.Telegram;

/// <summary>
/// Waiting for an instant on a <see cref="TimeProvider"/>'s wall clock, to the tick. The system's timers count whole
/// milliseconds of a tick counter that is not that clock: a delay is truncated to whole milliseconds and can end up
/// to about a millisecond before the instant it was computed for. A limit that is exact to the millisecond (a chat's
/// bucket as Telegram keeps it) is then missed by that much, so the wait is rounded up and checked against the clock.
/// </summary>
internal static class SendClock
{
    /// <summary>Returns once <paramref name="time"/> says <paramref name="instant"/> has come.</summary>
    public static async Task DelayUntilAsync(TimeProvider time, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        for (var delay = instant - time.GetUtcNow(); delay > TimeSpan.Zero; delay = instant - time.GetUtcNow())
        {
            await Task.Delay(TimerDue(delay), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A timer's due time for <paramref name="delay"/>: whole milliseconds, rounded up, so truncation cannot fire it early.</summary>
    public static TimeSpan TimerDue(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));
}
