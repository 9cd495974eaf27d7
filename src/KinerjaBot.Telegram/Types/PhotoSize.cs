namespace KinerjaBot.Telegram;

/// <summary>One size of a photo (Bot API <c>PhotoSize</c>); a message carries several, largest last.</summary>
public sealed record PhotoSize
{
    public required string FileId { get; init; }

    public required string FileUniqueId { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public long? FileSize { get; init; }
}
