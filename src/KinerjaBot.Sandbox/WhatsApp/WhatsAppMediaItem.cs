namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>An uploaded medium (the bot's upload or a person's photo or document), by its numeric media id.</summary>
internal sealed record WhatsAppMediaItem(string Id, byte[] Bytes, string MimeType, string Sha256, string? FileName);
