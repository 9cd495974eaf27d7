namespace KinerjaBot.Telegram;

/// <summary>An entry of a getUpdates answer the bot cannot read; <see cref="UpdateId"/> is null when even that is unreadable.</summary>
public sealed record MalformedUpdate(long? UpdateId, string Reason);
