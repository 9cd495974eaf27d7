using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Telegram;

/// <summary>
/// Drives background work that waits on a <see cref="FakeTimeProvider"/>: advances the fake clock in small steps
/// until a condition holds, giving continuations a moment of real time between steps. A slow machine can only
/// make things happen later on the fake clock, never earlier, so "not before" assertions stay sound.
/// </summary>
internal static class FakeClockPump
{
    public static async Task RunUntilAsync(
        FakeTimeProvider clock,
        Func<bool> done,
        TimeSpan? step = null,
        TimeSpan? maxFakeTime = null)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        var limit = maxFakeTime ?? TimeSpan.FromMinutes(5);
        var realDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var advanced = TimeSpan.Zero;
        while (!await SettledAsync(done))
        {
            if (advanced >= limit || DateTime.UtcNow > realDeadline)
            {
                throw new TimeoutException($"Condition not met after {advanced} of fake time.");
            }

            clock.Advance(increment);
            advanced += increment;
        }
    }

    public static Task RunUntilCompletedAsync(FakeTimeProvider clock, Task task, TimeSpan? step = null, TimeSpan? maxFakeTime = null) =>
        RunUntilAsync(clock, () => task.IsCompleted, step, maxFakeTime);

    private static async Task<bool> SettledAsync(Func<bool> done)
    {
        for (var i = 0; i < 5; i++)
        {
            if (done())
            {
                return true;
            }

            await Task.Delay(1);
        }

        return done();
    }
}
