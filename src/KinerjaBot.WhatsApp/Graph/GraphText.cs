namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphText(string Body, bool PreviewUrl = false);
