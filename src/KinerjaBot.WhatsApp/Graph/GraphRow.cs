namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphRow(string Id, string Title, string? Description = null);
