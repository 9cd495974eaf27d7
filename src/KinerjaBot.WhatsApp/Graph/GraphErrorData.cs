namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphErrorData(string? Details);
