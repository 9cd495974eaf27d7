namespace KinerjaBot.WhatsApp;

/// <summary>What became of a message the bot sent: sent, delivered, read or failed (with errors).</summary>
public sealed record WebhookStatus(string? Id, string? Status, string? Timestamp, string? RecipientId, IReadOnlyList<WebhookStatusError>? Errors);
