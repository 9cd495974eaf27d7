namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookReplyChoice(string? Id, string? Title, string? Description = null);
