namespace KinerjaBot.Messaging;

/// <summary>A run of message text, optionally bold. Channels render it their own way and escape it themselves.</summary>
public sealed record TextSpan(string Text, bool Bold = false);
