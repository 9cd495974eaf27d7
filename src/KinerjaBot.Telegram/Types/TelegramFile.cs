namespace KinerjaBot.Telegram;

/// <summary>
/// A file ready to be downloaded (Bot API <c>File</c>), returned by getFile.
/// Named <c>TelegramFile</c> rather than <c>File</c> so it never collides with <see cref="System.IO.File"/>
/// under implicit usings.
/// </summary>
public sealed record TelegramFile
{
    public required string FileId { get; init; }

    public required string FileUniqueId { get; init; }

    public long? FileSize { get; init; }

    /// <summary>Path for <c>{ApiBaseUrl}/file/bot{token}/{file_path}</c>; valid for at least one hour.</summary>
    public string? FilePath { get; init; }
}
