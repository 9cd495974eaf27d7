namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>A reply button under an interactive message (or a template's quick reply, whose id is its payload).</summary>
public sealed record WhatsAppReplyButton(string Id, string Title);
