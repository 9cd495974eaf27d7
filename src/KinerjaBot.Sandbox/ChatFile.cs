namespace KinerjaBot.Sandbox;

/// <summary>A document or photo stored by the sandbox server, as Telegram describes it.</summary>
/// <param name="FileId">The id the bot passes to <c>getFile</c> or re-sends.</param>
/// <param name="FileUniqueId">Telegram's stable id, which cannot be used to download.</param>
/// <param name="FileName">The original file name (null for photos, which Telegram re-encodes).</param>
/// <param name="MimeType">The MIME type (null for photos).</param>
/// <param name="FileSize">The size in bytes.</param>
/// <param name="FilePath">The path under <c>/file/bot{token}/</c> where the bytes are served.</param>
public sealed record ChatFile(
    string FileId,
    string FileUniqueId,
    string? FileName,
    string? MimeType,
    long FileSize,
    string FilePath);
