namespace KinerjaBot.WhatsApp;

public sealed record WebhookReplyChoice(string? Id, string? Title, string? Description = null);
