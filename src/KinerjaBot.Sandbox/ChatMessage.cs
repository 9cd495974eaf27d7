namespace KinerjaBot.Sandbox;

/// <summary>
/// A snapshot of one message in a simulated private chat, from either side. Bot messages carry their latest
/// text and keyboard: an edit replaces the snapshot (with a higher <see cref="Version"/>) rather than adding a message,
/// which is what a person looking at the chat sees.
/// </summary>
public sealed record ChatMessage
{
    /// <summary>The private chat, which equals the simulated user's id.</summary>
    public required long ChatId { get; init; }

    /// <summary>The id Telegram gives the message, unique and increasing within its chat.</summary>
    public required long MessageId { get; init; }

    /// <summary>Who wrote the message.</summary>
    public required ChatMessageSender Sender { get; init; }

    /// <summary>When the message was sent, from the server's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The text as the person reads it (HTML tags removed, entities decoded); null for media and contacts.</summary>
    public string? Text { get; init; }

    /// <summary>The caption of a document or photo as the person reads it.</summary>
    public string? Caption { get; init; }

    /// <summary>The text or caption exactly as the bot sent it, including markup when <see cref="ParseMode"/> is set.</summary>
    public string? RawText { get; init; }

    /// <summary>The <c>parse_mode</c> the bot used (for example <c>HTML</c>), if any.</summary>
    public string? ParseMode { get; init; }

    /// <summary>The inline keyboard currently attached to the message (empty when none or removed by an edit).</summary>
    public IReadOnlyList<IReadOnlyList<ChatInlineButton>> InlineKeyboard { get; init; } = [];

    /// <summary>The reply keyboard this message asked the client to show, if any.</summary>
    public ChatReplyKeyboard? ReplyKeyboard { get; init; }

    /// <summary>This message asked the client to hide the reply keyboard (<c>remove_keyboard</c>).</summary>
    public bool RemovesReplyKeyboard { get; init; }

    /// <summary>The attached document, if any.</summary>
    public ChatFile? Document { get; init; }

    /// <summary>The attached photo (the largest size), if any.</summary>
    public ChatFile? Photo { get; init; }

    /// <summary>The shared contact, if any.</summary>
    public ChatContact? Contact { get; init; }

    /// <summary>How many times the bot edited the text or keyboard.</summary>
    public int EditCount { get; init; }

    /// <summary>When the message was last edited.</summary>
    public DateTimeOffset? EditDate { get; init; }

    /// <summary>The server's change counter when this message was created or last edited.</summary>
    public long Version { get; init; }

    /// <summary>The text, else the caption, else an empty string: what a test usually searches.</summary>
    public string Content => Text ?? Caption ?? string.Empty;

    /// <summary>All inline buttons, row by row, left to right.</summary>
    public IEnumerable<ChatInlineButton> Buttons => InlineKeyboard.SelectMany(row => row);

    /// <summary>The first inline button whose label contains <paramref name="labelPart"/> (ordinal), or null.</summary>
    public ChatInlineButton? FindButton(string labelPart) =>
        Buttons.FirstOrDefault(button => button.Text.Contains(labelPart, StringComparison.Ordinal));

    /// <summary>A one-line description for test failure messages and logs.</summary>
    public override string ToString()
    {
        var who = Sender == ChatMessageSender.Bot ? "bot" : "user";
        var body = Contact is { } contact
            ? $"<contact {contact.PhoneNumber} user_id={contact.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}>"
            : Content;
        if (Document is { } document)
        {
            body = $"<document {document.FileName} {document.FileSize} bytes> {body}";
        }
        else if (Photo is { } photo)
        {
            body = $"<photo {photo.FileSize} bytes> {body}";
        }

        var buttons = Buttons.Select(button => $"[{button.Text}]").ToList();
        var keyboard = buttons.Count > 0 ? " " + string.Join(' ', buttons) : string.Empty;
        var edited = EditCount > 0 ? $" (edited {EditCount}x)" : string.Empty;
        return $"#{MessageId} {who}: {body}{keyboard}{edited}";
    }
}
