namespace KinerjaBot.WhatsApp;

public sealed record GraphText(string Body, bool PreviewUrl = false);
