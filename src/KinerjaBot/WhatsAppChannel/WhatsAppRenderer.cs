using System.Text;
using KinerjaBot.Messaging;
using KinerjaBot.WhatsApp;

namespace KinerjaBot.WhatsAppChannel;

/// <summary>
/// Renders channel-neutral messages for WhatsApp: bold runs as <c>*bold*</c>; up to 3 choices as reply buttons, more
/// as a list message (10 rows each, a second list for the rest); titles shortened to WhatsApp's limits with the full
/// label as the row's description; a document first, its buttons after it. The phone-number button has no WhatsApp
/// counterpart and is not needed: the sender's number is their WhatsApp id.
/// </summary>
public static class WhatsAppRenderer
{
    /// <summary>The label of the button that opens a list (≤ 20).</summary>
    public const string ListButton = "Pilih";

    private const string ChooseBelow = "Silakan pilih:";

    public static IReadOnlyList<WhatsAppPart> Render(OutgoingMessage message, string to)
    {
        var parts = new List<WhatsAppPart>();
        var text = Format(message.Text);
        var choices = message.Choices.SelectMany(row => row).ToList();
        if (message.DocumentPath is { } path)
        {
            parts.Add(new WhatsAppPart(null, path, message.DocumentName ?? Path.GetFileName(path), text.Length == 0 ? null : Truncate(text, WhatsAppLimits.MaxCaptionLength)));
            text = choices.Count > 0 ? ChooseBelow : string.Empty;
        }

        if (choices.Count == 0)
        {
            // A document whose long text the outbox queued as a message of its own has no text left here.
            if (text.Length > 0)
            {
                parts.AddRange(Split(text, WhatsAppLimits.MaxTextLength).Select(chunk => Text(to, chunk)));
            }

            return parts;
        }

        var bodyLimit = choices.Count <= WhatsAppLimits.MaxReplyButtons ? WhatsAppLimits.MaxButtonBodyLength : WhatsAppLimits.MaxTextLength;
        var chunks = Split(text.Length == 0 ? ChooseBelow : text, bodyLimit);
        parts.AddRange(chunks.Take(chunks.Count - 1).Select(chunk => Text(to, chunk)));
        var body = chunks[^1];
        if (choices.Count <= WhatsAppLimits.MaxReplyButtons)
        {
            var titles = WhatsAppTitle.ShortenAll([.. choices.Select(c => c.Label)], WhatsAppLimits.MaxButtonTitleLength);
            parts.Add(new WhatsAppPart(new GraphMessage(to, "interactive")
            {
                Interactive = new GraphInteractive("button", new GraphBody(body), new GraphAction
                {
                    Buttons = [.. choices.Select((c, i) => new GraphReplyButton(new GraphReply(c.Action, titles[i])))],
                }),
            }));
            return parts;
        }

        // Shortened together, so rows on two lists are told apart too.
        var rowTitles = WhatsAppTitle.ShortenAll([.. choices.Select(c => c.Label)], WhatsAppLimits.MaxRowTitleLength);
        var allRows = choices.Select((c, i) => new GraphRow(c.Action, rowTitles[i], rowTitles[i] == c.Label ? null : Truncate(c.Label, WhatsAppLimits.MaxRowDescriptionLength)));
        foreach (var page in allRows.Chunk(WhatsAppLimits.MaxListRows))
        {
            var rows = page.ToList();
            parts.Add(new WhatsAppPart(new GraphMessage(to, "interactive")
            {
                Interactive = new GraphInteractive("list", new GraphBody(body), new GraphAction
                {
                    Button = ListButton,
                    Sections = [new GraphSection(null, rows)],
                }),
            }));
            body = "Pilihan lainnya:";
        }

        return parts;
    }

    /// <summary>WhatsApp's formatting: <c>*bold*</c> around the run's words (markers next to spaces would show as stars).</summary>
    public static string Format(IReadOnlyList<TextSpan> spans)
    {
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            var core = span.Text.Trim();
            if (!span.Bold || core.Length == 0)
            {
                text.Append(span.Text);
                continue;
            }

            var start = span.Text.IndexOf(core, StringComparison.Ordinal);
            text.Append(span.Text.AsSpan(0, start)).Append('*').Append(core).Append('*').Append(span.Text.AsSpan(start + core.Length));
        }

        return text.ToString().TrimEnd();
    }

    private static WhatsAppPart Text(string to, string body) => new(new GraphMessage(to, "text") { Text = new GraphText(body) });

    /// <summary>Splits at line breaks into pieces of at most <paramref name="limit"/> characters (hard cuts only for one over-long line).</summary>
    private static List<string> Split(string text, int limit)
    {
        var pieces = new List<string>();
        var rest = text;
        while (rest.Length > limit)
        {
            var cut = rest.LastIndexOf('\n', limit - 1);
            if (cut <= 0)
            {
                cut = limit;
                if (char.IsHighSurrogate(rest[cut - 1]))
                {
                    cut--;
                }
            }

            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    private static string Truncate(string text, int limit) => text.Length <= limit ? text : WhatsAppTitle.Shorten(text[..(limit + 1)], limit);
}
