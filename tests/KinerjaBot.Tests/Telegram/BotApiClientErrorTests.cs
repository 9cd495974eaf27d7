using System.Net;
using System.Net.Sockets;
using KinerjaBot.Telegram;
using KinerjaBot.Tests.Support;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using static KinerjaBot.Tests.Telegram.FakeBotApiHandler;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.Telegram;

/// <summary>The bot's Telegram.Bot client as <see cref="BotApiClientFactory"/> builds it: what each failure looks like to the retry logic.</summary>
public sealed class BotApiClientErrorTests
{
    private readonly FakeBotApiHandler _api = new();

    [Fact]
    public async Task A_bad_request_throws_an_api_error_with_code_and_description()
    {
        _api.Then(Error(HttpStatusCode.BadRequest, "Bad Request: message text is empty"));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(_api).SendMessage(42, ""));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message text is empty", error.Message);
        Assert.Null(error.Parameters?.RetryAfter);
        Assert.False(BotApiErrors.IsChatUnreachable(error));
        Assert.False(BotApiErrors.IsTemporary(error));
    }

    [Fact]
    public async Task A_blocked_bot_throws_an_api_error_that_marks_the_chat_unreachable()
    {
        _api.Then(Blocked());

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(_api).SendMessage(42, "Halo"));

        Assert.Equal(403, error.ErrorCode);
        Assert.True(BotApiErrors.IsChatUnreachable(error));
        Assert.Contains("blocked", error.Message);
    }

    [Fact]
    public async Task Flood_control_throws_at_once_with_retry_after_instead_of_sleeping_inside_the_client()
    {
        // Telegram.Bot would wait 1 s and repeat by itself by default, behind the sender's back.
        _api.Then(TooManyRequests(retryAfter: 1)).Then(Ok(SampleMessageJson(5)));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(_api).SendMessage(42, "Halo"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(1), BotApiErrors.RetryAfter(error));
        Assert.Equal(1, _api.Count);
    }

    [Fact]
    public async Task A_502_html_page_from_a_proxy_is_a_transport_error_not_an_api_error()
    {
        _api.Then(BadGatewayHtml());

        var error = await Assert.ThrowsAsync<RequestException>(() => Client(_api).SendMessage(42, "Halo"));

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Equal(HttpStatusCode.BadGateway, error.HttpStatusCode);
        Assert.True(BotApiErrors.IsTransportFailure(error));
        Assert.True(BotApiErrors.IsTemporary(error));
    }

    [Fact]
    public async Task A_server_error_with_the_envelope_is_a_temporary_api_error()
    {
        _api.Then(Error(HttpStatusCode.InternalServerError, "Internal Server Error"));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(_api).SendMessage(42, "Halo"));

        Assert.Equal(500, error.ErrorCode);
        Assert.False(BotApiErrors.IsTransportFailure(error));
        Assert.True(BotApiErrors.IsTemporary(error));
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_wrapping_the_cause()
    {
        var cause = new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer", new SocketException(104));
        _api.Then((_, _) => Task.FromException<HttpResponseMessage>(cause));

        var error = await Assert.ThrowsAsync<RequestException>(() => Client(_api).GetMe());

        Assert.Same(cause, error.InnerException);
        Assert.True(BotApiErrors.IsTransportFailure(error));
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_as_a_transport_error_after_the_request_timeout()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _api.ThenHang();
        var call = Client(_api, clock).SendMessage(42, "Halo");
        await WaitForRequestAsync();

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(_api.LastToken.IsCancellationRequested, "the request must not time out before the 30 s request timeout");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_api.LastToken.IsCancellationRequested);

        var error = await Assert.ThrowsAsync<RequestException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(BotApiErrors.IsTransportFailure(error));
    }

    [Fact]
    public async Task A_long_poll_is_allowed_its_poll_timeout_plus_a_margin_before_timing_out()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _api.ThenHang();
        var poll = Client(_api, clock).SendRequest(new GetRawUpdatesRequest { Timeout = 50 });
        await WaitForRequestAsync();

        // Well past the ordinary 30 s request timeout, still within 50 s + 15 s margin.
        clock.Advance(TimeSpan.FromSeconds(64));
        Assert.False(_api.LastToken.IsCancellationRequested, "a 50 s long poll must not be cut off at the ordinary request timeout");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_api.LastToken.IsCancellationRequested);

        var error = await Assert.ThrowsAsync<RequestException>(() => poll.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_cancels_without_a_transport_error()
    {
        _api.ThenHang();
        using var cancellation = new CancellationTokenSource();
        var call = Client(_api).SendRequest(new GetRawUpdatesRequest { Timeout = 50 }, cancellation.Token);
        await WaitForRequestAsync();

        await cancellation.CancelAsync();

        var error = await Record.ExceptionAsync(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task An_ok_answer_whose_result_has_the_wrong_shape_is_a_transport_error()
    {
        _api.Then(Ok("\"not a user\""));

        var error = await Assert.ThrowsAsync<RequestException>(() => Client(_api).GetMe());

        Assert.True(BotApiErrors.IsTransportFailure(error));
    }

    [Fact]
    public async Task A_rejected_token_is_recognised_as_such()
    {
        _api.Then(Error(HttpStatusCode.Unauthorized, "Unauthorized"));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(_api).GetMe());

        Assert.True(BotApiErrors.IsTokenRejected(error));
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

        var error = await Assert.ThrowsAnyAsync<RequestException>(() => Client(_api).GetMe());

        Assert.DoesNotContain("SECRET", error.ToString());
    }

    // The fake clock only cuts a request off once its timer exists, i.e. once the request reached the handler.
    private async Task WaitForRequestAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_api.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.Equal(1, _api.Count);
    }
}
