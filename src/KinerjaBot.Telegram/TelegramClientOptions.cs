namespace KinerjaBot.Telegram;

/// <summary>Settings for <see cref="TelegramBotClient"/>.</summary>
public sealed class TelegramClientOptions
{
    /// <summary>The token from @BotFather. Secret: it only ever appears in request URLs, never in messages or logs.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server; a local Bot API server or a test fake can stand in.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>How long an ordinary request (and a file download) may take in total.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Added to a long poll's <c>timeout</c>: Telegram holds getUpdates open for up to that many seconds by design,
    /// so the client must wait a bit longer than that before calling it a timeout.
    /// </summary>
    public TimeSpan LongPollMargin { get; set; } = TimeSpan.FromSeconds(15);
}
