namespace KinerjaBot.Telegram;

/// <summary>A general file attached to a message (Bot API <c>Document</c>).</summary>
public sealed record Document
{
    /// <summary>Identifier to pass to getFile; valid for this bot only.</summary>
    public required string FileId { get; init; }

    /// <summary>Stable across bots and time, but cannot be used to download.</summary>
    public required string FileUniqueId { get; init; }

    public string? FileName { get; init; }

    public string? MimeType { get; init; }

    public long? FileSize { get; init; }
}
