namespace KinerjaBot.Sandbox;

/// <summary>A text or caption as the bot sent it and as the person reads it, checked as Telegram checks it.</summary>
internal sealed record MessageText(string Raw, string? ParseMode, string Plain)
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;

    /// <summary>A message's text: required, and at most 4096 characters once the markup is parsed.</summary>
    public static MessageText Text(string? raw, string? parseMode)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        var text = Parse(raw, parseMode);
        if (string.IsNullOrWhiteSpace(text.Plain))
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        return text.Plain.Length > MaxTextLength ? throw BotApiException.BadRequest("message is too long") : text;
    }

    /// <summary>A document's caption: optional, at most 1024 characters once parsed.</summary>
    public static MessageText? Caption(string? raw, string? parseMode)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var caption = Parse(raw, parseMode);
        return caption.Plain.Length > MaxCaptionLength ? throw BotApiException.BadRequest("message caption is too long") : caption;
    }

    /// <summary>Telegram reads parse_mode case-insensitively; Telegram.Bot sends its enum's spelling, "Html".</summary>
    private static MessageText Parse(string raw, string? parseMode)
    {
        var mode = string.IsNullOrEmpty(parseMode) ? null : parseMode;
        var plain = mode?.ToUpperInvariant() switch
        {
            null => raw,
            "HTML" => TelegramHtml.ToPlainText(raw),
            // Markdown is accepted unchecked: the bot sends HTML, and a sandbox page shows the raw text anyway.
            "MARKDOWN" or "MARKDOWNV2" => raw,
            _ => throw BotApiException.BadRequest("unsupported parse_mode"),
        };
        return new MessageText(raw, mode, plain);
    }
}
