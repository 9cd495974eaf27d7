using System.Net;
using System.Net.Sockets;
using KinerjaBot.Telegram;
using KinerjaBot.Tests.Support;
using static KinerjaBot.Tests.Telegram.FakeBotApiHandler;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.Telegram;

public sealed class TelegramBotClientErrorTests
{
    private readonly FakeBotApiHandler _api = new();

    [Fact]
    public async Task A_bad_request_throws_an_api_error_with_code_and_description()
    {
        _api.Then(Error(HttpStatusCode.BadRequest, "Bad Request: message text is empty"));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Client(_api).SendMessageAsync(42, ""));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message text is empty", error.Description);
        Assert.Equal("sendMessage", error.Method);
        Assert.Null(error.RetryAfter);
        Assert.False(error.IsChatUnreachable);
    }

    [Fact]
    public async Task A_blocked_bot_throws_an_api_error_marked_chat_unreachable()
    {
        _api.Then(Blocked());

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Client(_api).SendMessageAsync(42, "Halo"));

        Assert.Equal(403, error.ErrorCode);
        Assert.True(error.IsChatUnreachable);
        Assert.Contains("blocked", error.Message);
    }

    [Fact]
    public async Task Flood_control_throws_an_api_error_carrying_retry_after()
    {
        _api.Then(TooManyRequests(retryAfter: 17));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Client(_api).SendMessageAsync(42, "Halo"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(17), error.RetryAfter);
    }

    [Fact]
    public async Task A_migrated_group_throws_an_api_error_carrying_the_new_chat_id()
    {
        _api.Then(Error(
            HttpStatusCode.BadRequest,
            "Bad Request: group chat was upgraded to a supergroup chat",
            """{"migrate_to_chat_id":-1001234567890}"""));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Client(_api).SendMessageAsync(-42, "Halo"));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal(-1001234567890, error.MigrateToChatId);
    }

    [Fact]
    public async Task A_502_html_page_from_a_proxy_is_a_transport_error_not_an_api_error()
    {
        _api.Then(BadGatewayHtml());

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => Client(_api).SendMessageAsync(42, "Halo"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        Assert.Equal("sendMessage", error.Method);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_wrapping_the_cause()
    {
        var cause = new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer", new SocketException(104));
        _api.Then((_, _) => Task.FromException<HttpResponseMessage>(cause));

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => Client(_api).GetMeAsync());

        Assert.Same(cause, error.InnerException);
        Assert.False(error.IsTimeout);
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_as_a_transport_error_after_the_request_timeout()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _api.ThenHang();
        var call = Client(_api, clock).SendMessageAsync(42, "Halo");

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(_api.LastToken.IsCancellationRequested, "the request must not time out before the 30 s request timeout");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_api.LastToken.IsCancellationRequested);

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task A_long_poll_is_allowed_its_poll_timeout_plus_a_margin_before_timing_out()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _api.ThenHang();
        var poll = Client(_api, clock).GetUpdatesAsync(timeout: 50);

        // Well past the ordinary 30 s request timeout, still within 50 s + 15 s margin.
        clock.Advance(TimeSpan.FromSeconds(64));
        Assert.False(_api.LastToken.IsCancellationRequested, "a 50 s long poll must not be cut off at the ordinary request timeout");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_api.LastToken.IsCancellationRequested);

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => poll.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_cancels_without_a_transport_error()
    {
        _api.ThenHang();
        using var cancellation = new CancellationTokenSource();
        var call = Client(_api).GetUpdatesAsync(timeout: 50, cancellationToken: cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task An_ok_answer_whose_result_has_the_wrong_shape_is_a_transport_error()
    {
        _api.Then(Ok("\"not a user\""));

        await Assert.ThrowsAsync<TelegramTransportException>(() => Client(_api).GetMeAsync());
    }

    [Theory]
    [InlineData("api")]
    [InlineData("html")]
    [InlineData("connection")]
    public async Task No_error_message_ever_contains_the_bot_token(string kind)
    {
        _api.Then((_, _) => kind switch
        {
            "api" => Task.FromResult(Error(HttpStatusCode.Unauthorized, "Unauthorized")),
            "html" => Task.FromResult(BadGatewayHtml()),
            _ => Task.FromException<HttpResponseMessage>(
                new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (tg.test:443)")),
        });

        var error = await Assert.ThrowsAnyAsync<TelegramException>(() => Client(_api).GetMeAsync());

        Assert.DoesNotContain("SECRET", error.ToString());
    }
}
