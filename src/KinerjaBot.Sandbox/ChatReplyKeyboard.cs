namespace KinerjaBot.Sandbox;

/// <summary>A reply keyboard the bot asked the person's client to show.</summary>
/// <param name="Rows">The buttons, row by row.</param>
/// <param name="OneTime">The client hides the keyboard after one use (<c>one_time_keyboard</c>).</param>
/// <param name="Resize">The client shrinks the keyboard to fit (<c>resize_keyboard</c>).</param>
/// <param name="Placeholder">The hint in the input field (<c>input_field_placeholder</c>).</param>
public sealed record ChatReplyKeyboard(
    IReadOnlyList<IReadOnlyList<ChatReplyButton>> Rows,
    bool OneTime,
    bool Resize,
    string? Placeholder)
{
    /// <summary>All buttons, row by row, left to right.</summary>
    public IEnumerable<ChatReplyButton> Buttons => Rows.SelectMany(row => row);
}
