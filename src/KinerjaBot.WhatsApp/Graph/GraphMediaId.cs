namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphMediaId(string Id);
