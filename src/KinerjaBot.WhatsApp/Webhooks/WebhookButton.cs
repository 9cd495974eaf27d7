namespace KinerjaBot.WhatsApp;

/// <summary>A press on a template's quick-reply button.</summary>
public sealed record WebhookButton(string? Payload, string? Text);
