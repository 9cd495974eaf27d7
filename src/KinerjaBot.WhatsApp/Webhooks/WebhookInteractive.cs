namespace KinerjaBot.WhatsApp;

/// <summary><see cref="Type"/> is <c>button_reply</c> or <c>list_reply</c>.</summary>
public sealed record WebhookInteractive(string? Type, WebhookReplyChoice? ButtonReply, WebhookReplyChoice? ListReply);
