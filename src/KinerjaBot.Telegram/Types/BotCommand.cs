namespace KinerjaBot.Telegram;

/// <summary>A command shown in the client's menu (Bot API <c>BotCommand</c>).</summary>
/// <param name="Command">1–32 characters, lowercase letters, digits and underscores, without the slash.</param>
/// <param name="Description">3–256 characters.</param>
public sealed record BotCommand(string Command, string Description);
