namespace KinerjaBot.WhatsApp;

public sealed record WebhookText(string? Body);
