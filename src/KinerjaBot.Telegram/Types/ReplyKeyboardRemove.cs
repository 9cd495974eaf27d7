namespace KinerjaBot.Telegram;

/// <summary>Removes a custom <see cref="ReplyKeyboardMarkup"/> (Bot API <c>ReplyKeyboardRemove</c>).</summary>
public sealed record ReplyKeyboardRemove : ReplyMarkup
{
    /// <summary>Always <c>true</c>: Telegram requires the field to be present and true.</summary>
    public bool RemoveKeyboard => true;

    public bool? Selective { get; init; }
}
