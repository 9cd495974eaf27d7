namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookValue(IReadOnlyList<WebhookContact>? Contacts, IReadOnlyList<WebhookMessage>? Messages, IReadOnlyList<WebhookStatus>? Statuses);
