namespace KinerjaBot.WhatsApp;

public sealed record GraphReply(string Id, string Title);
