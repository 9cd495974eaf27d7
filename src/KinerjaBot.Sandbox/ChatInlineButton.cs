namespace KinerjaBot.Sandbox;

/// <summary>One button of an inline keyboard as the bot last set it on a message.</summary>
/// <param name="Text">The label the person sees.</param>
/// <param name="CallbackData">What Telegram sends back in the callback query when pressed; null for URL buttons.</param>
/// <param name="Url">The link of a URL button; null for callback buttons.</param>
public sealed record ChatInlineButton(string Text, string? CallbackData, string? Url);
