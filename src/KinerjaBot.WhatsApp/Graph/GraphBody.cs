namespace KinerjaBot.WhatsApp;

public sealed record GraphBody(string Text);
