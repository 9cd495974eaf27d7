namespace KinerjaBot.WhatsApp;

public sealed record GraphErrorData(string? Details);
