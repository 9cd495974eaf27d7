namespace KinerjaBot.Conversations;

/// <summary>
/// Something a person did in a chat, in channel-neutral terms: typed text, shared a contact, sent a file, or
/// pressed a button. The Telegram adapter builds these from updates (files already downloaded).
/// </summary>
public sealed record IncomingEvent(long ChatId, long UserId, string SenderName)
{
    public string? Text { get; init; }

    public IncomingContact? Contact { get; init; }

    public IncomingAttachment? Attachment { get; init; }

    public IncomingCallback? Callback { get; init; }

    /// <summary>The person sent a file bigger than the channel lets the bot download.</summary>
    public bool AttachmentTooLarge { get; init; }

    /// <summary>The person sent an empty file (0 bytes): nothing that could count as evidence.</summary>
    public bool AttachmentEmpty { get; init; }
}
