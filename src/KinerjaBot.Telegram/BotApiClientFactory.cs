using Telegram.Bot;

namespace KinerjaBot.Telegram;

/// <summary>Builds the Telegram.Bot client the way the bot needs it: no retries of its own, our timeouts.</summary>
public static class BotApiClientFactory
{
    private const string TelegramApiUrl = "https://api.telegram.org";

    /// <summary>Creates the client.</summary>
    /// <param name="options">Token, server and timeouts.</param>
    /// <param name="timeProvider">Clock for request timeouts (tests move it).</param>
    /// <param name="transport">The HTTP handler below the timeout handler; a pooled socket handler when omitted.</param>
    public static ITelegramBotClient Create(TelegramConnectionOptions options, TimeProvider timeProvider, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        BotApiJson.UseGeneratedMetadata();
        var timeouts = new RequestTimeoutHandler(timeProvider, options.RequestTimeout, options.LongPollMargin)
        {
            InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };

        // One long-lived HttpClient, not IHttpClientFactory: the factory's request logging would write the token
        // (it is part of every URL) into the logs. HttpClient.Timeout is off because a long poll legitimately
        // outlasts an ordinary call; RequestTimeoutHandler times each request instead.
        var http = new HttpClient(timeouts) { Timeout = Timeout.InfiniteTimeSpan };

        // RetryThreshold 0: by default Telegram.Bot sleeps inside the call on a 429 (up to 60 s, three times),
        // which would hold a chat's lane and bypass TelegramSender's limiter. With 0 the 429 surfaces at once as
        // ApiRequestException with Parameters.RetryAfter, and TelegramSender waits exactly that long.
        // A base URL makes Telegram.Bot flag the server as a local Bot API server; only pass one when it is one.
        var baseUrl = options.ApiBaseUrl.TrimEnd('/');
        var clientOptions = new TelegramBotClientOptions(options.BotToken, baseUrl == TelegramApiUrl ? null : baseUrl) { RetryThreshold = 0 };
        return new TelegramBotClient(clientOptions, http);
    }
}
