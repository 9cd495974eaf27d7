namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookChange(string? Field, WebhookValue? Value);
