namespace KinerjaBot.Sandbox;

/// <summary>The bot's <c>answerCallbackQuery</c> for one button press.</summary>
/// <param name="CallbackQueryId">The id of the callback query answered.</param>
/// <param name="UserId">Who pressed the button.</param>
/// <param name="MessageId">The message whose button was pressed.</param>
/// <param name="CallbackData">The data of the pressed button.</param>
/// <param name="Text">The notification text, if any.</param>
/// <param name="ShowAlert">Show the text as an alert rather than a toast.</param>
public sealed record CallbackAnswer(
    string CallbackQueryId,
    long UserId,
    long MessageId,
    string CallbackData,
    string? Text,
    bool ShowAlert);
