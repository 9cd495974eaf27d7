namespace KinerjaBot.WhatsApp;

/// <summary>GET /{media-id}: where the file can be downloaded (with the token) for a few minutes.</summary>
public sealed record GraphMediaInfo(string Url, string? MimeType, string? Sha256, long? FileSize, string Id);
