namespace KinerjaBot.WhatsApp;

public sealed record WebhookMedia(string? Id, string? MimeType, string? Sha256, string? Caption, string? Filename);
