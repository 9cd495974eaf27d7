namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookProfile(string? Name);
