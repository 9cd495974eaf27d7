using System.Text.Json.Serialization;

namespace KinerjaBot.Telegram;

/// <summary>How Telegram parses formatting in a text or caption.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParseMode>))]
public enum ParseMode
{
    /// <summary>Telegram's HTML subset; escape user text with <see cref="TelegramHtml.Escape"/>.</summary>
    [JsonStringEnumMemberName("HTML")]
    Html,

    [JsonStringEnumMemberName("MarkdownV2")]
    MarkdownV2,
}
