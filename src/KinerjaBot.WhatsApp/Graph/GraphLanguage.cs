namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphLanguage(string Code);
