using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>
/// The sandbox counts the bot's sends and edits against Telegram's limits over real HTTP, as bench/peer's fake API
/// does: per chat a bucket of 3 refilled at one a second, bot-wide 30 in any second. The meter's clock is a fake
/// one, so "at once" and "a second later" are exact however busy the machine is.
/// </summary>
public sealed class TelegramLimitsTests : IAsyncLifetime
{
    private const long FirstChat = 5_000_000_001;
    private readonly FakeTimeProvider _meterClock = new(new DateTimeOffset(2026, 10, 5, 1, 30, 0, TimeSpan.Zero));
    private LocalBotApiServer _server = null!;
    private RawBotApi _api = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_burst_of_five_to_one_chat_is_delivered_and_its_last_two_are_listed_as_over_the_per_chat_limit()
    {
        await StartAsync(enforce: false);

        for (var i = 1; i <= 5; i++)
        {
            await SendAsync(FirstChat, $"Pesan {i}");
        }

        Assert.Equal(5, _server.Messages(FirstChat).Count);
        var violations = _server.LimitViolations;
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal((FirstChat, "sendMessage", LimitViolationKind.PerChat, false), (v.ChatId!.Value, v.Method, v.Kind, v.Refused)));
    }

    [Fact]
    public async Task Enforcing_the_fourth_message_at_once_to_one_chat_gets_429_with_retry_after_and_is_not_delivered()
    {
        await StartAsync(enforce: true);
        for (var i = 1; i <= 3; i++)
        {
            await SendAsync(FirstChat, $"Pesan {i}");
        }

        var refused = await _api.ErrorAsync("sendMessage", new { chat_id = FirstChat, text = "Pesan 4" }, 429);

        Assert.Equal("Too Many Requests: retry after 1", refused["description"]!.GetValue<string>());
        Assert.Equal(1, refused["parameters"]!["retry_after"]!.GetValue<int>());
        Assert.Equal(3, _server.Messages(FirstChat).Count);
        Assert.Equal((LimitViolationKind.PerChat, true), (_server.LimitViolations.Single().Kind, _server.LimitViolations.Single().Refused));
    }

    [Fact]
    public async Task Enforcing_a_retry_before_retry_after_has_passed_is_refused_again_and_one_after_it_is_delivered()
    {
        await StartAsync(enforce: true);
        for (var i = 1; i <= 3; i++)
        {
            await SendAsync(FirstChat, $"Pesan {i}");
        }

        await _api.ErrorAsync("sendMessage", new { chat_id = FirstChat, text = "Pesan 4" }, 429);
        _meterClock.Advance(TimeSpan.FromMilliseconds(500));
        await _api.ErrorAsync("sendMessage", new { chat_id = FirstChat, text = "Pesan 4" }, 429);
        _meterClock.Advance(TimeSpan.FromMilliseconds(500));
        await SendAsync(FirstChat, "Pesan 4");

        Assert.Equal([LimitViolationKind.PerChat, LimitViolationKind.BeforeRetryAfter], _server.LimitViolations.Select(v => v.Kind));
        Assert.Equal(4, _server.Messages(FirstChat).Count);
    }

    [Fact]
    public async Task One_message_a_second_to_one_chat_after_its_burst_stays_within_the_limit()
    {
        await StartAsync(enforce: true);
        for (var i = 1; i <= 3; i++)
        {
            await SendAsync(FirstChat, $"Pesan {i}");
        }

        for (var i = 4; i <= 8; i++)
        {
            _meterClock.Advance(TimeSpan.FromSeconds(1));
            await SendAsync(FirstChat, $"Pesan {i}");
        }

        Assert.Empty(_server.LimitViolations);
    }

    [Fact]
    public async Task Edits_count_against_the_chat_and_chat_actions_do_not()
    {
        await StartAsync(enforce: false);
        var keyboard = new { inline_keyboard = new[] { new[] { new { text = "Setujui", callback_data = "ok:1" } } } };
        var messageId = (await _api.ResultAsync("sendMessage", new { chat_id = FirstChat, text = "Setujui?", reply_markup = keyboard }))["message_id"]!.GetValue<long>();
        await _api.ResultAsync("editMessageText", new { chat_id = FirstChat, message_id = messageId, text = "Setujui? (1)", reply_markup = keyboard });
        await _api.ResultAsync("sendChatAction", new { chat_id = FirstChat, action = "typing" });
        await _api.ResultAsync("editMessageReplyMarkup", new { chat_id = FirstChat, message_id = messageId });
        Assert.Empty(_server.LimitViolations);

        await _api.ResultAsync("editMessageText", new { chat_id = FirstChat, message_id = messageId, text = "Setujui? (2)" });

        Assert.Equal(("editMessageText", LimitViolationKind.PerChat), (_server.LimitViolations.Single().Method, _server.LimitViolations.Single().Kind));
    }

    [Fact]
    public async Task Thirty_messages_to_thirty_chats_within_a_second_are_fine_and_the_thirty_first_is_over_the_bot_wide_limit()
    {
        await StartAsync(enforce: true);
        for (var i = 0; i < 30; i++)
        {
            await SendAsync(FirstChat + i, "Pengingat");
            _meterClock.Advance(TimeSpan.FromMilliseconds(30));
        }

        Assert.Empty(_server.LimitViolations);
        var refused = await _api.ErrorAsync("sendMessage", new { chat_id = FirstChat + 30, text = "Pengingat" }, 429);

        Assert.Equal(1, refused["parameters"]!["retry_after"]!.GetValue<int>());
        Assert.Equal((FirstChat + 30, LimitViolationKind.BotWide), (_server.LimitViolations.Single().ChatId!.Value, _server.LimitViolations.Single().Kind));
        Assert.Empty(_server.Messages(FirstChat + 30));

        // The window slides: once the first send is a second old, the next one fits (after the 429's second has passed).
        _meterClock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync(FirstChat + 30, "Pengingat");
    }

    [Fact]
    public async Task Without_the_limits_option_nothing_is_measured()
    {
        _server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions { RequireUserToStartChat = false });
        _api = new RawBotApi(_server);
        _server.AddUser(FirstChat, "Ani", null, "6281234567890");

        for (var i = 1; i <= 5; i++)
        {
            await SendAsync(FirstChat, $"Pesan {i}");
        }

        Assert.Equal(5, _server.Messages(FirstChat).Count);
        Assert.Empty(_server.LimitViolations);
    }

    private async Task StartAsync(bool enforce)
    {
        _server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions
        {
            RequireUserToStartChat = false,
            Limits = new TelegramLimitsOptions { Enforce = enforce, Clock = _meterClock },
        });
        _api = new RawBotApi(_server);
        for (var i = 0; i <= 30; i++)
        {
            _server.AddUser(FirstChat + i, $"Pejabat {i}", null, $"62812000000{i:D2}");
        }
    }

    private async Task<long> SendAsync(long chatId, string text) =>
        (await _api.ResultAsync("sendMessage", new { chat_id = chatId, text }))["message_id"]!.GetValue<long>();
}
