namespace KinerjaBot.WhatsApp;

public sealed record WebhookStatusError(int Code, string? Title);
