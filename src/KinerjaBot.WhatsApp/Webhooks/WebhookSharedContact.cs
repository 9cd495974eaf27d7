namespace KinerjaBot.WhatsApp;

public sealed record WebhookSharedContact(IReadOnlyList<WebhookSharedPhone>? Phones);
