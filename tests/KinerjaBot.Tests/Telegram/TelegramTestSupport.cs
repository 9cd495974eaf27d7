using KinerjaBot.Telegram;

namespace KinerjaBot.Tests.Telegram;

/// <summary>Builds a client wired to a <see cref="FakeBotApiHandler"/>.</summary>
internal static class TelegramTestSupport
{
    public const string Token = "123456:SECRET-token";
    public const string BaseUrl = "https://tg.test";

    public static TelegramBotClient Client(FakeBotApiHandler handler, TimeProvider? clock = null) =>
        new(
            new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan },
            new TelegramClientOptions { BotToken = Token, ApiBaseUrl = BaseUrl + "/" },
            clock);

    public static string MethodUrl(string method) => $"{BaseUrl}/bot{Token}/{method}";
}
