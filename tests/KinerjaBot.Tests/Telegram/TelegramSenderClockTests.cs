using KinerjaBot.Telegram;
using KinerjaBot.Tests.Support;
using Moq;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.Telegram;

/// <summary>
/// The sender's limits hold to the millisecond as the Bot API counts them, even when timers fire early (the 429s the
/// limit-enforcing benchmark double drew: a chat's fourth message arrived 0.1–1.5 ms before its bucket had a token).
/// </summary>
public sealed class TelegramSenderClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeBotApiHandler _api;
    private readonly Mock<IChatUnreachableHandler> _unreachable = new();

    public TelegramSenderClockTests() => _api = new FakeBotApiHandler(_clock);

    // Without the margin too: waiting out what an early timer left must be enough by itself.
    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public async Task A_chat_never_sends_before_its_bucket_has_a_token_even_when_timers_fire_early(int marginMs)
    {
        var early = new EarlyTimerTimeProvider(_clock);
        var options = new TelegramSenderOptions { PerChatSafetyMargin = TimeSpan.FromMilliseconds(marginMs) };
        var sender = new TelegramSender(Client(_api, _clock), _unreachable.Object, early, options);

        var sends = Enumerable.Range(1, 6).Select(i => sender.SendMessageAsync(42, $"pesan {i}")).ToList();
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(sends));

        Assert.Equal(6, _api.Count);
        var arrivals = _api.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.True(LowestTokensAtArrival(arrivals) >= 1.0, string.Join(", ", arrivals.Select(a => (a - Start).TotalMilliseconds)));
    }

    [Fact]
    public async Task The_bot_wide_window_holds_when_timers_fire_early()
    {
        var early = new EarlyTimerTimeProvider(_clock);
        var sender = new TelegramSender(Client(_api, _clock), _unreachable.Object, early, new TelegramSenderOptions { GlobalLimit = 3 });

        var sends = Enumerable.Range(1, 9).Select(chat => sender.SendMessageAsync(chat, "pesan")).ToList();
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(sends));

        var arrivals = _api.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(9, arrivals.Count);
        for (var i = 3; i < arrivals.Count; i++)
        {
            // The Bot API's count: a request is rejected when 3 others arrived in the 1,000 ms before it.
            Assert.True(arrivals[i] - arrivals[i - 3] >= TimeSpan.FromSeconds(1), $"request {i + 1} came {arrivals[i] - arrivals[i - 3]} after the one three before it");
        }
    }

    // The limit-enforcing double's per-chat rule (bench-peer fakeapi.js): a bucket of 3, refilled continuously at 1 a
    // second, judged at each arrival; the lowest level any request found (below 1 means a 429).
    private static double LowestTokensAtArrival(IReadOnlyList<DateTimeOffset> arrivals)
    {
        double tokens = 3;
        var at = arrivals[0];
        var lowest = double.MaxValue;
        foreach (var arrival in arrivals)
        {
            tokens = Math.Min(3, tokens + (arrival - at).TotalSeconds);
            at = arrival;
            lowest = Math.Min(lowest, tokens);
            tokens -= 1;
        }

        return lowest;
    }
}
