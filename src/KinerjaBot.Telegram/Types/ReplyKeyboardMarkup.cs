namespace KinerjaBot.Telegram;

/// <summary>
/// A custom keyboard replacing the user's letter keyboard (Bot API <c>ReplyKeyboardMarkup</c>);
/// the only way to ask for the user's phone number (<see cref="KeyboardButton.RequestContact"/>).
/// </summary>
/// <param name="Keyboard">Rows of buttons.</param>
public sealed record ReplyKeyboardMarkup(IReadOnlyList<IReadOnlyList<KeyboardButton>> Keyboard) : ReplyMarkup
{
    /// <summary>Fit the keyboard's height to its rows instead of the standard keyboard's height.</summary>
    public bool? ResizeKeyboard { get; init; }

    /// <summary>Hide the keyboard after one press (it stays available behind the keyboard icon).</summary>
    public bool? OneTimeKeyboard { get; init; }

    public bool? IsPersistent { get; init; }

    public string? InputFieldPlaceholder { get; init; }

    /// <summary>A single "share my phone number" button, sized to fit and hidden after use.</summary>
    public static ReplyKeyboardMarkup RequestContact(string label) =>
        new([[new KeyboardButton(label) { RequestContact = true }]]) { ResizeKeyboard = true, OneTimeKeyboard = true };
}
