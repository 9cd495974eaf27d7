namespace KinerjaBot.Telegram;

/// <summary>Limits Telegram enforces on outgoing content (Bot API reference and FAQ).</summary>
public static class TelegramLimits
{
    /// <summary>Maximum length of a message text, in UTF-16 characters after entity parsing.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Maximum length of a media caption.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>Maximum size of <c>callback_data</c>, in UTF-8 bytes.</summary>
    public const int MaxCallbackDataBytes = 64;
}
