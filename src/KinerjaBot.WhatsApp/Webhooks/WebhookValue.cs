namespace KinerjaBot.WhatsApp;

public sealed record WebhookValue(IReadOnlyList<WebhookContact>? Contacts, IReadOnlyList<WebhookMessage>? Messages, IReadOnlyList<WebhookStatus>? Statuses);
