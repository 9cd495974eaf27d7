namespace KinerjaBot.WhatsApp;

public sealed record GraphLanguage(string Code);
