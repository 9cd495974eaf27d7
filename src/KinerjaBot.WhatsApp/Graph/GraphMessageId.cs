namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphMessageId(string Id);
