namespace KinerjaBot.WhatsApp;

public sealed record WebhookContact(WebhookProfile? Profile, string? WaId);
