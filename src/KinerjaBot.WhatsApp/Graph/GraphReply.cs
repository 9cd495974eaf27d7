namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphReply(string Id, string Title);
