namespace KinerjaBot.WhatsApp;

/// <summary>The body of a webhook POST (object <c>whatsapp_business_account</c>).</summary>
public sealed record WebhookPayload(string? Object, IReadOnlyList<WebhookEntry>? Entry);
