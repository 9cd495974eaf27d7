namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphSection(string? Title, IReadOnlyList<GraphRow> Rows);
