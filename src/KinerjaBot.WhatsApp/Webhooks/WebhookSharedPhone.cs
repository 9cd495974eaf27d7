namespace KinerjaBot.WhatsApp.Webhooks;

public sealed record WebhookSharedPhone(string? Phone, string? WaId);
