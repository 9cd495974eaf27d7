namespace KinerjaBot.Telegram;

/// <summary>
/// The <c>reply_markup</c> of an outgoing message: exactly one of <see cref="InlineKeyboardMarkup"/>,
/// <see cref="ReplyKeyboardMarkup"/> or <see cref="ReplyKeyboardRemove"/>.
/// </summary>
/// <remarks>
/// Telegram's field is an untagged union: the object's own keys (<c>inline_keyboard</c>, <c>keyboard</c>,
/// <c>remove_keyboard</c>) tell the kinds apart, and a <c>$type</c> discriminator would be rejected. The closed
/// hierarchy (the constructor is <c>private protected</c>) plus <c>ReplyMarkupJsonConverter</c>, which writes each
/// kind through its own source-generated contract, gives that exact shape without reflection.
/// </remarks>
public abstract record ReplyMarkup
{
    private protected ReplyMarkup()
    {
    }
}
