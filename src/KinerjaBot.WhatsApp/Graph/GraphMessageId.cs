namespace KinerjaBot.WhatsApp;

public sealed record GraphMessageId(string Id);
