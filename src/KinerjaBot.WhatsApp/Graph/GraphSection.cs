namespace KinerjaBot.WhatsApp;

public sealed record GraphSection(string? Title, IReadOnlyList<GraphRow> Rows);
