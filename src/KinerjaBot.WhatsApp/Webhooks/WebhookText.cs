namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookText(string? Body);
