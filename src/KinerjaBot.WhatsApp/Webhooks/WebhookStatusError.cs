namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookStatusError(int Code, string? Title);
