namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphBody(string Text);
