namespace KinerjaBot.WhatsApp;

public sealed record WebhookSharedPhone(string? Phone, string? WaId);
