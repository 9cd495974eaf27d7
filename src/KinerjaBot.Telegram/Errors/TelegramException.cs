namespace KinerjaBot.Telegram;

/// <summary>
/// A Bot API request failed. Catch this to handle every Telegram failure; catch a subclass to tell
/// "Telegram said no" (<see cref="TelegramApiException"/>) from "we never got a usable answer"
/// (<see cref="TelegramTransportException"/>). Messages never contain the bot token.
/// </summary>
public abstract class TelegramException : Exception
{
    private protected TelegramException(string method, string message, Exception? innerException)
        : base(message, innerException)
    {
        Method = method;
    }

    /// <summary>The Bot API method that failed, e.g. <c>sendMessage</c>.</summary>
    public string Method { get; }
}
