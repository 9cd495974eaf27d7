namespace KinerjaBot.WhatsApp;

public sealed record WebhookChange(string? Field, WebhookValue? Value);
