namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookEntry(string? Id, IReadOnlyList<WebhookChange>? Changes);
