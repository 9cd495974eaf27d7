using System.Net;
using KinerjaBot.Telegram;
using KinerjaBot.Tests.Support;
using Moq;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using static KinerjaBot.Tests.Telegram.FakeBotApiHandler;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.Telegram;

public sealed class TelegramSenderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeBotApiHandler _api;
    private readonly Mock<IChatUnreachableHandler> _unreachable = new();
    private readonly TelegramSender _sender;

    public TelegramSenderTests()
    {
        _api = new FakeBotApiHandler(_clock);
        _unreachable
            .Setup(h => h.OnChatUnreachableAsync(It.IsAny<long>(), It.IsAny<ApiRequestException>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _sender = new TelegramSender(Client(_api, _clock), _unreachable.Object, _clock, new TelegramSenderOptions { MaxAttempts = 4 });
    }

    [Fact]
    public async Task After_flood_control_the_retry_is_not_sent_before_retry_after_has_passed()
    {
        _api.Then(TooManyRequests(retryAfter: 3));

        var send = _sender.SendMessageAsync(42, "Pengingat");
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);

        var sent = await send;
        Assert.Equal(1, sent.Id);
        Assert.Equal(2, _api.Count);
        var (first, retry) = (_api.Requests[0], _api.Requests[1]);
        Assert.True(
            retry.ReceivedAt - first.ReceivedAt >= TimeSpan.FromSeconds(3),
            $"retried after {retry.ReceivedAt - first.ReceivedAt}, Telegram asked for 3 s");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_backoff_until_the_send_succeeds()
    {
        _api.Then(Error(HttpStatusCode.InternalServerError, "Internal Server Error")).Then(BadGatewayHtml());

        var send = _sender.SendMessageAsync(42, "Laporan");
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);

        await send;
        var times = _api.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1), $"first backoff was {times[1] - times[0]}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(2), $"second backoff was {times[2] - times[1]}");
    }

    [Fact]
    public async Task Transport_failures_are_given_up_after_the_maximum_attempts_with_the_last_error()
    {
        _api.Default = _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer");

        var send = _sender.SendMessageAsync(42, "Laporan");
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);

        var error = await Assert.ThrowsAsync<RequestException>(() => send);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(4, _api.Count);
    }

    [Fact]
    public async Task A_blocked_bot_notifies_the_unreachable_handler_once_and_is_not_retried()
    {
        _api.Then(Blocked());

        var send = _sender.SendMessageAsync(42, "Halo");
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => send);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal(1, _api.Count);
        _unreachable.Verify(
            h => h.OnChatUnreachableAsync(42, It.Is<ApiRequestException>(e => e.ErrorCode == 403), It.IsAny<CancellationToken>()),
            Times.Once);
        _unreachable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_bad_request_is_neither_retried_nor_reported_as_unreachable()
    {
        _api.Then(Error(HttpStatusCode.BadRequest, "Bad Request: can't parse entities"));

        var send = _sender.SendMessageAsync(42, "<b>rusak", ParseMode.Html);
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => send);
        Assert.Equal(400, error.ErrorCode);
        Assert.Equal(1, _api.Count);
        _unreachable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task With_a_burst_of_one_two_messages_to_one_chat_are_sent_in_order_at_least_a_second_apart()
    {
        var sender = new TelegramSender(Client(_api, _clock), _unreachable.Object, _clock, new TelegramSenderOptions { PerChatBurst = 1 });
        var first = sender.SendMessageAsync(42, "satu");
        var second = sender.SendMessageAsync(42, "dua");
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(first, second));

        var requests = _api.Requests;
        Assert.Equal(["satu", "dua"], requests.Select(r => r.Json().GetProperty("text").GetString()));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_retried_message_is_not_overtaken_by_the_next_message_to_the_same_chat()
    {
        _api.Then(Error(HttpStatusCode.BadGateway, "Bad Gateway"));

        var first = _sender.SendMessageAsync(42, "satu");
        var second = _sender.SendMessageAsync(42, "dua");
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(first, second));

        Assert.Equal(["satu", "satu", "dua"], _api.Requests.Select(r => r.Json().GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Forty_messages_to_forty_chats_never_exceed_thirty_within_any_second()
    {
        var sends = Enumerable.Range(1, 40).Select(chat => _sender.SendMessageAsync(chat, "Pengingat batas waktu")).ToList();
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(sends));

        var times = _api.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(40, times.Count);
        Assert.Equal(40, _api.Requests.Select(r => r.Json().GetProperty("chat_id").GetInt64()).Distinct().Count());
        var busiest = times.Max(t => times.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        Assert.True(busiest <= 30, $"{busiest} messages were sent within one second");
        Assert.Equal(30, busiest);
    }

    [Fact]
    public async Task Over_the_overall_limit_chats_are_served_in_the_order_they_asked()
    {
        var sender = new TelegramSender(Client(_api, _clock), _unreachable.Object, _clock, new TelegramSenderOptions { GlobalLimit = 2, MaxAttempts = 1 });

        // Ten chats ask at the same moment; with 2 a second, the last must wait about 4 s, not an arbitrary time.
        var sends = Enumerable.Range(1, 10).Select(chat => sender.SendMessageAsync(chat, $"pesan {chat}")).ToList();
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(sends));

        // Two slots free at the same instant, and those two go out together; the order shows between the instants.
        var sentAt = _api.Requests.ToDictionary(r => r.Json().GetProperty("chat_id").GetInt64(), r => r.ReceivedAt);
        for (var chat = 2L; chat <= 10; chat++)
        {
            Assert.True(sentAt[chat] >= sentAt[chat - 1], $"chat {chat} went before chat {chat - 1}");
        }

        var last = _api.Requests.Max(r => r.ReceivedAt) - Start;
        Assert.InRange(last, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Removing_buttons_does_not_hold_up_the_next_message_to_the_chat_by_a_second()
    {
        var first = _sender.SendMessageAsync(42, "pertanyaan");
        await FakeClockPump.RunUntilCompletedAsync(_clock, first);
        _clock.Advance(TimeSpan.FromSeconds(2));

        var edit = _sender.EditMessageReplyMarkupAsync(42, 7, null);
        var reply = _sender.SendMessageAsync(42, "jawaban");
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(edit, reply));

        var requests = _api.Requests.ToList();
        Assert.Equal(["sendMessage", "editMessageReplyMarkup", "sendMessage"], requests.Select(r => r.ApiMethod));
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt < TimeSpan.FromSeconds(1), "The answer waited a second behind a button removal.");
    }

    [Fact]
    public async Task A_ten_thousand_character_text_is_split_at_lines_with_the_keyboard_on_the_last_part_only()
    {
        var lines = Enumerable.Range(1, 100).Select(i => $"{i:000}. " + new string('x', 94));
        var text = string.Join('\n', lines) + "!";
        Assert.Equal(10_000, text.Length);
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Setujui", "ok:9"));

        var send = _sender.SendMessageAsync(42, text, replyMarkup: keyboard);
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);
        await send;

        var bodies = _api.Requests.Select(r => r.Json()).ToList();
        Assert.Equal(3, bodies.Count);
        var parts = bodies.Select(b => b.GetProperty("text").GetString()!).ToList();
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        Assert.Equal(text, string.Join('\n', parts));
        Assert.All(parts, p => Assert.Matches(@"x!?$", p));
        Assert.Equal([false, false, true], bodies.Select(b => b.TryGetProperty("reply_markup", out _)));
    }

    [Fact]
    public async Task Answering_a_button_press_does_not_wait_behind_messages_queued_for_the_chat()
    {
        var sender = new TelegramSender(Client(_api, _clock), _unreachable.Object, _clock, new TelegramSenderOptions { PerChatBurst = 1 });
        var first = sender.SendMessageAsync(42, "satu");
        var second = sender.SendMessageAsync(42, "dua");
        await FakeClockPump.RunUntilCompletedAsync(_clock, first);
        _api.Then(Ok("true"));

        // The clock does not move: the answer must not depend on the chat's one-second spacing.
        await sender.AnswerCallbackQueryAsync("cb-1", "Tersimpan", false, _clock.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(10));
        await FakeClockPump.RunUntilCompletedAsync(_clock, second);

        Assert.Equal(["sendMessage", "answerCallbackQuery", "sendMessage"], _api.Requests.Select(r => r.ApiMethod));
    }

    [Fact]
    public async Task A_button_answer_that_fails_temporarily_is_retried_until_telegram_takes_it()
    {
        _api.Then(BadGatewayHtml()).Then(TooManyRequests(retryAfter: 2)).Then(Ok("true"));

        var answer = _sender.AnswerCallbackQueryAsync("cb-1", "Tersimpan", false, _clock.GetUtcNow());
        await FakeClockPump.RunUntilCompletedAsync(_clock, answer);

        Assert.True(await answer);
        Assert.Equal(["answerCallbackQuery", "answerCallbackQuery", "answerCallbackQuery"], _api.Requests.Select(r => r.ApiMethod));
        Assert.True(_api.Requests[2].ReceivedAt - _api.Requests[1].ReceivedAt >= TimeSpan.FromSeconds(2), "the retry came before retry_after");
    }

    [Fact]
    public async Task A_button_answer_is_given_up_once_telegram_would_no_longer_take_it()
    {
        var pressedAt = _clock.GetUtcNow();
        _api.Default = _ => BadGatewayHtml();

        var answer = _sender.AnswerCallbackQueryAsync("cb-1", null, false, pressedAt);
        await FakeClockPump.RunUntilCompletedAsync(_clock, answer);

        Assert.False(await answer);
        Assert.InRange(_api.Count, 2, 5);
        Assert.All(_api.Requests, r => Assert.True(r.ReceivedAt - pressedAt < TimeSpan.FromSeconds(15), $"an attempt at {r.ReceivedAt - pressedAt} after the press"));
    }

    [Fact]
    public async Task A_button_answer_refused_as_too_old_is_not_retried()
    {
        _api.Then(Error(HttpStatusCode.BadRequest, "Bad Request: query is too old and response timeout expired or query ID is invalid"));

        var answer = _sender.AnswerCallbackQueryAsync("cb-1", null, false, _clock.GetUtcNow());

        await Assert.ThrowsAsync<ApiRequestException>(() => answer.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _api.Count);
    }

    [Fact]
    public async Task A_retried_document_upload_sends_the_whole_file_again()
    {
        _api.Then(Error(HttpStatusCode.InternalServerError, "Internal Server Error"));
        var file = new MemoryStream("%PDF-1.7 rekap lengkap"u8.ToArray());

        var send = _sender.SendDocumentAsync(42, file, "rekap.pdf", "Rekap");
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);
        await send;

        Assert.Equal(2, _api.Count);
        foreach (var request in _api.Requests)
        {
            var parts = await MultipartParts.ReadAsync(request);
            Assert.Equal("attach://0", parts["document"].Text);
            Assert.Equal("%PDF-1.7 rekap lengkap", parts["0"].Text);
        }

        Assert.True(file.CanRead, "the caller's file must stay open for the caller to close");
    }

    [Fact]
    public async Task An_edit_too_long_for_one_message_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _sender.EditMessageTextAsync(42, 7, new string('x', 4097)));

        Assert.Equal(0, _api.Count);
    }

    [Fact]
    public async Task Edits_go_through_the_chat_lane_and_reach_the_api()
    {
        var edit = _sender.EditMessageReplyMarkupAsync(42, 7, null);
        await FakeClockPump.RunUntilCompletedAsync(_clock, edit);

        Assert.Equal("editMessageReplyMarkup", Assert.Single(_api.Requests).ApiMethod);
    }

    [Fact]
    public async Task Cancelling_a_queued_message_does_not_let_the_next_one_overlap_the_message_in_flight()
    {
        var release = new TaskCompletionSource();
        _api.Then(async (_, _) =>
        {
            await release.Task;
            return Ok(SampleMessageJson(1));
        });
        using var cancellation = new CancellationTokenSource();
        var first = _sender.SendMessageAsync(42, "satu");
        var cancelled = _sender.SendMessageAsync(42, "batal", cancellationToken: cancellation.Token);
        var third = _sender.SendMessageAsync(42, "tiga");
        await FakeClockPump.RunUntilAsync(_clock, () => _api.Count == 1);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAny(third, Task.Delay(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, _api.Count);

        release.SetResult();
        await FakeClockPump.RunUntilCompletedAsync(_clock, Task.WhenAll(first, third));
        Assert.Equal(["satu", "tiga"], _api.Requests.Select(r => r.Json().GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Repeated_flood_control_is_given_up_after_the_maximum_attempts()
    {
        _api.Default = _ => TooManyRequests(retryAfter: 2);

        var send = _sender.SendMessageAsync(42, "Pengingat");
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => send);
        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(4, _api.Count);
    }
}
