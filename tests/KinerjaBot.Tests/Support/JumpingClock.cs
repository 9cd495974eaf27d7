using System.Diagnostics;

namespace KinerjaBot.Tests.Support;

/// <summary>
/// A clock for end-to-end tests of a whole host: it runs at real speed from an instant the test chooses and jumps
/// forward when told (to Wednesday 07.00, say). Timers stay real, so the parts of the bot that pace themselves by
/// waiting (the sender's per-chat spacing, long-poll timeouts) keep working while days pass in a few seconds;
/// a fully frozen <see cref="FakeTimeProvider"/> would stall them. Only forward jumps are allowed, as with real time.
/// </summary>
public sealed class JumpingClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;

    public JumpingClock(DateTimeOffset start)
    {
        _anchor = start.ToUniversalTime();
        _anchorTimestamp = Stopwatch.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _anchor + Stopwatch.GetElapsedTime(_anchorTimestamp);
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/>, which must not be in its past.</summary>
    public void JumpTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            var now = _anchor + Stopwatch.GetElapsedTime(_anchorTimestamp);
            if (instant < now)
            {
                throw new InvalidOperationException($"The clock cannot go back from {now:O} to {instant:O}.");
            }

            _anchor = instant.ToUniversalTime();
            _anchorTimestamp = Stopwatch.GetTimestamp();
        }
    }
}
