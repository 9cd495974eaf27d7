namespace KinerjaBot.WhatsApp;

public sealed record WebhookProfile(string? Name);
