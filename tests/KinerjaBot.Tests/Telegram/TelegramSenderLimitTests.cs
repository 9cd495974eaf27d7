using KinerjaBot.Telegram;
using KinerjaBot.Tests.Support;
using Moq;
using static KinerjaBot.Tests.Telegram.FakeBotApiHandler;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.Telegram;

/// <summary>
/// The sender's limits as Telegram counts them, to the millisecond even when timers fire early: per-chat bucket,
/// bot-wide window with edits, 429 scope, priorities.
/// </summary>
public sealed class TelegramSenderLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeBotApiHandler _api;
    private readonly Mock<IChatUnreachableHandler> _unreachable = new();

    public TelegramSenderLimitTests() => _api = new FakeBotApiHandler(_clock);

    [Fact]
    public async Task A_chat_gets_a_burst_of_three_and_then_one_message_a_second()
    {
        var sender = Sender(new TelegramSenderOptions());
        var sends = Enumerable.Range(1, 5).Select(i => sender.SendMessageAsync(42, $"pesan {i}")).ToList();
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(sends));

        var offsets = _api.Requests.Select(r => r.ReceivedAt - Start).ToList();
        Assert.Equal(5, offsets.Count);
        Assert.All(offsets.Take(3), o => Assert.True(o < TimeSpan.FromMilliseconds(100), $"a burst message waited {o}"));
        Assert.True(offsets[3] >= TimeSpan.FromSeconds(1), $"the fourth went at {offsets[3]}");
        Assert.True(offsets[4] - offsets[3] >= TimeSpan.FromSeconds(1), "the fifth came less than a second after the fourth");
    }

    [Fact]
    public async Task Edits_count_against_the_bot_wide_window_like_sends()
    {
        var sender = Sender(new TelegramSenderOptions { GlobalLimit = 3 });
        var work = new List<Task>
        {
            sender.SendMessageAsync(1, "satu"),
            sender.EditMessageReplyMarkupAsync(2, 7, null),
            sender.EditMessageTextAsync(3, 8, "diputuskan"),
            sender.SendMessageAsync(4, "empat"),
        };
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(work));

        var fourth = _api.Requests.Single(r => r.ApiMethod == "sendMessage" && r.Json().GetProperty("chat_id").GetInt64() == 4);
        Assert.True(fourth.ReceivedAt - Start >= TimeSpan.FromSeconds(1), $"the fourth request of a 3-per-second window went at {fourth.ReceivedAt - Start}");
    }

    [Fact]
    public async Task A_429_in_one_chat_pauses_every_chat_until_retry_after_has_passed()
    {
        var sender = Sender(new TelegramSenderOptions());
        _api.Then(TooManyRequests(retryAfter: 3));
        var first = sender.SendMessageAsync(1, "satu");
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.Delay(TimeSpan.FromMilliseconds(10), _clock));

        var other = sender.SendMessageAsync(2, "dua");
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(first, other));

        var flooded = _api.Requests[0].ReceivedAt;
        Assert.All(_api.Requests.Skip(1), r => Assert.True(r.ReceivedAt - flooded >= TimeSpan.FromSeconds(3), $"{r.ApiMethod} went {r.ReceivedAt - flooded} after the 429"));
        Assert.Equal(3, _api.Count);
    }

    [Fact]
    public async Task After_a_429_the_bot_wide_limit_goes_down_and_later_comes_back()
    {
        var sender = Sender(new TelegramSenderOptions());
        _api.Then(TooManyRequests(retryAfter: 1));
        await FakeClockPump.RunUntilCompletedAsync(_clock, sender.SendMessageAsync(1, "satu"));
        Assert.True(sender.CurrentGlobalLimit < 30);

        for (var i = 0; i < 40; i++)
        {
            _clock.Advance(GlobalSendWindow.ProbeAfter);
            await FakeClockPump.RunUntilCompletedAsync(_clock, sender.SendMessageAsync(1, $"lagi {i}"));
        }

        Assert.Equal(30, sender.CurrentGlobalLimit);
    }

    [Fact]
    public async Task A_reply_to_a_waiting_person_goes_before_a_digest_queued_earlier()
    {
        var sender = Sender(new TelegramSenderOptions { GlobalLimit = 1 });
        var busy = sender.SendMessageAsync(1, "sedang dikirim");
        var digest = sender.SendMessageAsync(2, "ringkasan mingguan", cancellationToken: default, priority: SendPriority.Background);
        var reply = sender.SendMessageAsync(3, "Tercatat: 72,5");
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(busy, digest, reply));

        Assert.Equal([1L, 3L, 2L], _api.Requests.OrderBy(r => r.ReceivedAt).Select(r => r.Json().GetProperty("chat_id").GetInt64()));
    }

    [Fact]
    public async Task A_digest_waiting_behind_a_stream_of_replies_still_goes_out_after_its_aging_limit()
    {
        var options = new TelegramSenderOptions { GlobalLimit = 1, BackgroundAgingLimit = TimeSpan.FromSeconds(5) };
        var sender = Sender(options);
        var digest = sender.SendMessageAsync(2, "ringkasan", cancellationToken: default, priority: SendPriority.Background);
        var replies = Enumerable.Range(10, 20).Select(chat => sender.SendMessageAsync(chat, "balasan")).ToList();
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll([digest, .. replies]));

        var digestAt = _api.Requests.Single(r => r.Json().GetProperty("chat_id").GetInt64() == 2).ReceivedAt;
        Assert.True(digestAt - Start <= options.BackgroundAgingLimit + TimeSpan.FromSeconds(2), $"the digest waited {digestAt - Start}");
        Assert.True(_api.Requests.Max(r => r.ReceivedAt) > digestAt, "the digest should wait behind some replies");
    }

    // The 429s the limit-enforcing benchmark double drew: a chat's fourth message arrived 0.1-1.5 ms before its bucket
    // had a token, because a system timer can fire about a millisecond before the instant the wait was computed for.
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

    private TelegramSender Sender(TelegramSenderOptions options) =>
        new(Client(_api, _clock), _unreachable.Object, _clock, options);
}
