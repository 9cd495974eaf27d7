using KinerjaBot.Telegram;
using Telegram.Bot;

namespace KinerjaBot.Tests.Telegram;

/// <summary>Builds the bot's Telegram.Bot client, as the host does, wired to a <see cref="FakeBotApiHandler"/>.</summary>
internal static class TelegramTestSupport
{
    public const string Token = "123456:SECRET-token";
    public const string BaseUrl = "https://tg.test";

    public static ITelegramBotClient Client(FakeBotApiHandler handler, TimeProvider? clock = null) =>
        BotApiClientFactory.Create(
            new TelegramConnectionOptions { BotToken = Token, ApiBaseUrl = BaseUrl + "/" },
            clock ?? TimeProvider.System,
            handler);

    public static string MethodUrl(string method) => $"{BaseUrl}/bot{Token}/{method}";
}
