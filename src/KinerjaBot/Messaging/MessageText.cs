using System.Text;

namespace KinerjaBot.Messaging;

/// <summary>
/// Builds channel-neutral message text from plain and bold runs. Conversation code never writes markup, so
/// a name like "A &lt;B&gt;" typed by a user cannot break Telegram's HTML or WhatsApp's formatting.
/// </summary>
public sealed class MessageText
{
    private readonly List<TextSpan> _spans = [];

    public IReadOnlyList<TextSpan> Spans => _spans;

    public MessageText Plain(string text)
    {
        if (text.Length > 0)
        {
            _spans.Add(new TextSpan(text));
        }

        return this;
    }

    public MessageText Bold(string text)
    {
        if (text.Length > 0)
        {
            _spans.Add(new TextSpan(text, Bold: true));
        }

        return this;
    }

    public MessageText Line(string text = "") => Plain(text + "\n");

    public MessageText BoldLine(string text) => Bold(text).Plain("\n");

    public static MessageText Of(string text) => new MessageText().Plain(text);

    /// <summary>The text without formatting, e.g. for logs and transcripts.</summary>
    public override string ToString() => ToPlainText(_spans);

    public static string ToPlainText(IEnumerable<TextSpan> spans)
    {
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            text.Append(span.Text);
        }

        return text.ToString().TrimEnd();
    }
}
