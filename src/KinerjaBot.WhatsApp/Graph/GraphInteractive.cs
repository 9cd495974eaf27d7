namespace KinerjaBot.WhatsApp;

/// <summary><see cref="Type"/> is <c>button</c> (reply buttons) or <c>list</c>.</summary>
public sealed record GraphInteractive(string Type, GraphBody Body, GraphAction Action);
