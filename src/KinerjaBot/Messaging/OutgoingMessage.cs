namespace KinerjaBot.Messaging;

/// <summary>
/// A message the bot wants to send, in channel-neutral terms: text, a few choices (buttons), optionally a
/// request for the user's phone number or a document. The Telegram adapter renders it; a WhatsApp adapter could too.
/// </summary>
public sealed record OutgoingMessage
{
    public required IReadOnlyList<TextSpan> Text { get; init; }

    /// <summary>Rows of buttons under the message.</summary>
    public IReadOnlyList<IReadOnlyList<Choice>> Choices { get; init; } = [];

    /// <summary>Label of a reply-keyboard button that shares the user's phone number; null for none.</summary>
    public string? ContactRequestLabel { get; init; }

    /// <summary>Removes a reply keyboard shown earlier (after registration).</summary>
    public bool RemoveKeyboard { get; init; }

    /// <summary>A file to send, with <see cref="Text"/> as its caption; the path is absolute.</summary>
    public string? DocumentPath { get; init; }

    public string? DocumentName { get; init; }

    /// <summary>
    /// Messages with the same key in one chat offer the same decision (an item's summary, its verification, its
    /// report stage, and their reminders): once this one is sent, the previous one's buttons are removed, so only
    /// the newest can be pressed.
    /// </summary>
    public string? SupersedeKey { get; init; }

    /// <summary>
    /// The opening prompt of a period: outside WhatsApp's 24-hour window it is announced with the opening template,
    /// anything else with the reminder template.
    /// </summary>
    public bool OpensPeriod { get; init; }

    /// <summary>
    /// The longest text a decision may be noted under (Telegram's 4,096 characters, less room for the note's markup);
    /// a longer one, a split text or a document keeps its text and only loses its buttons.
    /// </summary>
    public const int MaxNotedTextLength = 4096 - 100;

    /// <summary>Whether this sent message can be rewritten with <paramref name="note"/> under it (see <see cref="MaxNotedTextLength"/>).</summary>
    public bool CanCarryNote(string note) => DocumentPath is null && ToString().Length + note.Length <= MaxNotedTextLength;

    public static OutgoingMessage Plain(string text) => new() { Text = MessageText.Of(text).Spans };

    public override string ToString() => MessageText.ToPlainText(Text);
}
