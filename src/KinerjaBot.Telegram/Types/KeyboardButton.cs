namespace KinerjaBot.Telegram;

/// <summary>A button of a <see cref="ReplyKeyboardMarkup"/> (Bot API <c>KeyboardButton</c>).</summary>
/// <param name="Text">Label; sent as a text message when pressed, unless a request_* field is set.</param>
public sealed record KeyboardButton(string Text)
{
    /// <summary>Pressing sends the user's own phone number as a <see cref="Contact"/> (private chats only).</summary>
    public bool? RequestContact { get; init; }
}
