using System.Text;

namespace KinerjaBot.Telegram;

/// <summary>
/// A button of an inline keyboard (Bot API <c>InlineKeyboardButton</c>). Exactly one of
/// <see cref="CallbackData"/> or <see cref="Url"/> must be set; use the factory methods.
/// </summary>
/// <param name="Text">Label shown on the button.</param>
public sealed record InlineKeyboardButton(string Text)
{
    /// <summary>1–64 bytes sent back in <see cref="CallbackQuery.Data"/> when pressed.</summary>
    public string? CallbackData { get; init; }

    /// <summary>A link opened when pressed.</summary>
    public string? Url { get; init; }

    /// <summary>A button that sends <paramref name="callbackData"/> back to the bot.</summary>
    /// <exception cref="ArgumentException">The data is empty or longer than 64 UTF-8 bytes, which Telegram rejects
    /// only when the whole message is sent; failing here points at the culprit.</exception>
    public static InlineKeyboardButton WithCallbackData(string text, string callbackData)
    {
        var bytes = Encoding.UTF8.GetByteCount(callbackData);
        if (bytes is < 1 or > TelegramLimits.MaxCallbackDataBytes)
        {
            throw new ArgumentException(
                $"callback_data must be 1-{TelegramLimits.MaxCallbackDataBytes} UTF-8 bytes, was {bytes}.",
                nameof(callbackData));
        }

        return new InlineKeyboardButton(text) { CallbackData = callbackData };
    }

    /// <summary>A button that opens <paramref name="url"/>.</summary>
    public static InlineKeyboardButton WithUrl(string text, string url) => new(text) { Url = url };
}
