namespace KinerjaBot.Telegram;

/// <summary>Buttons attached under a message (Bot API <c>InlineKeyboardMarkup</c>).</summary>
/// <param name="InlineKeyboard">Rows of buttons.</param>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard) : ReplyMarkup
{
    /// <summary>One button per row, the layout that reads best on a phone for the bot's short menus.</summary>
    public static InlineKeyboardMarkup Column(params IEnumerable<InlineKeyboardButton> buttons) =>
        new(buttons.Select(b => (IReadOnlyList<InlineKeyboardButton>)[b]).ToList());

    /// <summary>All buttons in one row.</summary>
    public static InlineKeyboardMarkup Row(params IEnumerable<InlineKeyboardButton> buttons) =>
        new([buttons.ToList()]);
}
