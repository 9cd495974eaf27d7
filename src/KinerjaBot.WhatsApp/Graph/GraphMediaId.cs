namespace KinerjaBot.WhatsApp;

public sealed record GraphMediaId(string Id);
