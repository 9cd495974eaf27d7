namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookContact(WebhookProfile? Profile, string? WaId);
