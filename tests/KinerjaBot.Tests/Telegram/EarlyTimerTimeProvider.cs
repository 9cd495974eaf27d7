namespace KinerjaBot.Tests.Telegram;

/// <summary>
/// The fake clock with timers that fire a millisecond early, as the system's do: .NET's timer queue counts in whole
/// milliseconds of a tick count that is not the wall clock, so a delay computed from <see cref="TimeProvider.GetUtcNow"/>
/// can end up to about a millisecond before the instant it was computed for. Timers due within a millisecond fire on
/// time, so a caller that waits out the remainder still gets there.
/// </summary>
internal sealed class EarlyTimerTimeProvider(TimeProvider inner) : TimeProvider
{
    public static readonly TimeSpan Early = TimeSpan.FromMilliseconds(1);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new EarlyTimer(inner.CreateTimer(callback, state, Shift(dueTime), period));

    private static TimeSpan Shift(TimeSpan dueTime) =>
        dueTime == Timeout.InfiniteTimeSpan || dueTime <= Early ? dueTime : dueTime - Early;

    private sealed class EarlyTimer(ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Shift(dueTime), period);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
