using System.Globalization;

namespace KinerjaBot.Telegram;

/// <summary>Where and how the bot reaches the Bot API (the <c>Telegram</c> settings section).</summary>
public sealed class TelegramConnectionOptions
{
    /// <summary>The token from @BotFather. Secret: it only ever appears in request URLs, never in messages or logs.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server; a local Bot API server or a test double can stand in.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>How long an ordinary request (and a file download) may take in total.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Added to a long poll's <c>timeout</c>: Telegram holds getUpdates open for up to that many seconds by design,
    /// so the client must wait a bit longer than that before calling it a timeout.
    /// </summary>
    public TimeSpan LongPollMargin { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether <paramref name="token"/> has the shape Telegram.Bot accepts (<c>&lt;bot id&gt;:&lt;secret&gt;</c>);
    /// anything else makes its client constructor throw, which should be a settings error, not a crash.
    /// </summary>
    public static bool IsWellFormedToken(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon is >= 1 and <= 16
            && colon < token.Length - 1
            && long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
