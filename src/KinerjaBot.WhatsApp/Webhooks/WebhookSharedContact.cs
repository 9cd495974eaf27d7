namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookSharedContact(IReadOnlyList<WebhookSharedPhone>? Phones);
