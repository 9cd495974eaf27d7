namespace KinerjaBot.WhatsApp;

public sealed record WebhookEntry(string? Id, IReadOnlyList<WebhookChange>? Changes);
