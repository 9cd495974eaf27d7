using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace KinerjaBot.Sandbox;

/// <summary>
/// Turns a chat message into an HTML fragment the page can insert as is. Everything is escaped except a fixed set of
/// formatting tags re-emitted without attributes, so neither a user's text nor the bot's markup can inject script,
/// links or styles: the page's XSS safety rests here, not in the browser script.
/// </summary>
internal static class ChatPageHtml
{
    // Telegram's formatting tags and the plain tag the page shows for each. Links lose their href on purpose:
    // a javascript: URL from a message must never become clickable.
    private static readonly FrozenDictionary<string, string> SafeTags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["b"] = "b", ["strong"] = "b",
        ["i"] = "i", ["em"] = "i",
        ["u"] = "u", ["ins"] = "u",
        ["s"] = "s", ["strike"] = "s", ["del"] = "s",
        ["code"] = "code", ["pre"] = "pre", ["blockquote"] = "blockquote",
        ["a"] = "u", ["span"] = "span", ["tg-spoiler"] = "span", ["tg-emoji"] = "span",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The message's text or caption as safe HTML; HTML formatting is kept only for <c>parse_mode=HTML</c>.</summary>
    public static string Body(ChatMessage message)
    {
        var isBot = message.Sender == ChatMessageSender.Bot;
        if (isBot && message.RawText is { } raw && string.Equals(message.ParseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            return FromTelegramHtml(raw);
        }

        return Escape(isBot ? message.RawText ?? message.Content : message.Content);
    }

    /// <summary>Escapes text for an element body or a quoted attribute.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Telegram-style HTML to safe HTML. Anything that is not a recognised tag is shown literally.</summary>
    public static string FromTelegramHtml(string html)
    {
        var output = new StringBuilder(html.Length + 16);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                i = AppendEntity(html, i, output);
                continue;
            }

            var tag = c == '<' ? TryReadTag(html, i) : null;
            if (tag is not { } found || !SafeTags.TryGetValue(found.Name, out var safe))
            {
                // An emoji beyond the first plane (📎) is two UTF-16 units; encoded one at a time each half became "�".
                var length = char.IsHighSurrogate(c) && i + 1 < html.Length && char.IsLowSurrogate(html[i + 1]) ? 2 : 1;
                output.Append(Escape(html.Substring(i, length)));
                i += length;
                continue;
            }

            if (found.Closing)
            {
                // Only close what is open, so stray end tags cannot unbalance the page's own markup.
                if (open.Count > 0 && open.Peek() == safe)
                {
                    output.Append("</").Append(open.Pop()).Append('>');
                }
            }
            else
            {
                open.Push(safe);
                output.Append('<').Append(safe).Append('>');
            }

            i = found.End;
        }

        while (open.Count > 0)
        {
            output.Append("</").Append(open.Pop()).Append('>');
        }

        return output.ToString();
    }

    private static (string Name, bool Closing, int End)? TryReadTag(string html, int start)
    {
        var i = start + 1;
        var closing = i < html.Length && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-'))
        {
            i++;
        }

        if (i == nameStart)
        {
            return null;
        }

        var name = html[nameStart..i].ToLowerInvariant();

        // Attributes are skipped, honouring quotes so a '>' inside a value does not end the tag.
        i = TelegramHtml.SkipToTagEnd(html, i);

        return i < html.Length ? (name, closing, i + 1) : null;
    }

    private static int AppendEntity(string html, int start, StringBuilder output)
    {
        // Decode the way Telegram does, then escape again for the page.
        if (TelegramHtml.TryDecodeEntity(html, start, out var decoded, out var next))
        {
            output.Append(Escape(decoded));
            return next;
        }

        output.Append("&amp;");
        return start + 1;
    }
}
