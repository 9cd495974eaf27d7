namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// One message of a WhatsApp chat as the person sees it. Bot messages are what the Graph API accepted; user
/// messages are what the simulated person sent (a button press shows the pressed title as its text).
/// </summary>
public sealed record WhatsAppChatMessage
{
    /// <summary>The <c>wamid.…</c> id.</summary>
    public required string Id { get; init; }

    public required WhatsAppChatSender Sender { get; init; }

    /// <summary>The Cloud API message type: text, interactive, document, image, template, button, contacts.</summary>
    public required string Type { get; init; }

    /// <summary>When it was sent, from the double's clock.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>The chat's change counter when this message appeared.</summary>
    public long Version { get; init; }

    /// <summary>The text, interactive body, caption, or a template's parameters joined; empty if none.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>An interactive message's header and footer text, if any.</summary>
    public string? Header { get; init; }

    public string? Footer { get; init; }

    /// <summary>Reply buttons (interactive <c>button</c>) or a template's quick replies.</summary>
    public IReadOnlyList<WhatsAppReplyButton> Buttons { get; init; } = [];

    /// <summary>The label of the button that opens a list message's sheet; null for other messages.</summary>
    public string? ListButton { get; init; }

    public IReadOnlyList<WhatsAppListRow> ListRows { get; init; } = [];

    /// <summary>The media id of an image or document sent by id (or uploaded by the person).</summary>
    public string? MediaId { get; init; }

    /// <summary>The link of media the bot sent by URL instead of by id.</summary>
    public string? MediaLink { get; init; }

    public string? MimeType { get; init; }

    public string? DocumentFileName { get; init; }

    public string? TemplateName { get; init; }

    public string? TemplateLanguage { get; init; }

    public IReadOnlyList<string> TemplateParameters { get; init; } = [];

    /// <summary>The wamid of the message this one answers (a button press names the message it was under).</summary>
    public string? ContextMessageId { get; init; }

    /// <summary>
    /// For a bot message the Graph API accepted but WhatsApp could not deliver, the code of the <c>failed</c> status
    /// sent by webhook: 131047 outside the customer-service window, 131026 to a number nobody uses. Null otherwise.
    /// </summary>
    public int? FailureCode { get; init; }

    internal byte[]? MediaBytes { get; init; }

    /// <summary>The bytes of the image or document.</summary>
    public byte[] ReadDocument() =>
        MediaBytes is { } bytes
            ? [.. bytes]
            : throw new InvalidOperationException($"Message {Id} carries no media the double holds (sent by link or not a media message).");

    internal int ReadDocumentSize() => MediaBytes?.Length ?? 0;

    /// <inheritdoc />
    public override string ToString()
    {
        var extras = string.Concat(
            Buttons.Count > 0 ? " [" + string.Join(" | ", Buttons.Select(b => b.Title)) + "]" : string.Empty,
            ListButton is { } list ? $" <{list}: " + string.Join(" | ", ListRows.Select(r => r.Title)) + ">" : string.Empty,
            DocumentFileName is { } file ? $" (file {file})" : string.Empty,
            TemplateName is { } template ? $" (template {template})" : string.Empty);
        return $"{Sender} {Type}: {Text}{extras}";
    }
}
