namespace KinerjaBot.WhatsApp;

public sealed record GraphRow(string Id, string Title, string? Description = null);
