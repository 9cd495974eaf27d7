using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace KinerjaBot.Sandbox;

/// <summary>
/// Checks <c>parse_mode=HTML</c> text the way Telegram's parser does (same tags, same error wording and UTF-8
/// byte offsets), and returns the visible text. The point is to catch unescaped user text and broken markup in
/// tests, which real Telegram rejects with 400 "can't parse entities".
/// </summary>
internal static class TelegramHtml
{
    private static readonly FrozenSet<string> SupportedTags = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "tg-emoji",
        "code", "pre", "blockquote");

    /// <summary>Returns the visible text or throws a 400 <see cref="BotApiException"/>.</summary>
    public static string ToPlainText(string html)
    {
        var plain = new StringBuilder(html.Length);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                i = DecodeEntity(html, i, plain);
                continue;
            }

            if (c != '<')
            {
                plain.Append(c);
                i++;
                continue;
            }

            var begin = i;
            i++;
            if (i < html.Length && html[i] == '/')
            {
                if (open.Count == 0)
                {
                    throw Error($"Unexpected end tag at byte offset {ByteOffset(html, begin)}");
                }

                i++;
                var nameStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                {
                    i++;
                }

                var endName = html[nameStart..i].ToLowerInvariant();
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i >= html.Length || html[i] != '>')
                {
                    throw Error($"Unclosed end tag at byte offset {ByteOffset(html, begin)}");
                }

                var expected = open.Pop();
                if (endName.Length > 0 && endName != expected)
                {
                    throw Error(
                        $"Unmatched end tag at byte offset {ByteOffset(html, begin)}, expected \"</{expected}>\", found \"</{endName}>\"");
                }

                i++;
                continue;
            }

            var tagStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
            {
                i++;
            }

            if (i >= html.Length)
            {
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
            }

            var tag = html[tagStart..i].ToLowerInvariant();
            if (!SupportedTags.Contains(tag))
            {
                throw Error($"Unsupported start tag \"{tag}\" at byte offset {ByteOffset(html, begin)}");
            }

            // Attributes (href, class, language) are skipped, honouring quotes so a '>' inside a URL is not the end.
            i = SkipToTagEnd(html, i);

            if (i >= html.Length)
            {
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
            }

            open.Push(tag);
            i++;
        }

        if (open.Count > 0)
        {
            throw Error($"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
        }

        return plain.ToString();
    }

    private static int DecodeEntity(string html, int start, StringBuilder plain)
    {
        if (TryDecodeEntity(html, start, out var decoded, out var next))
        {
            plain.Append(decoded);
            return next;
        }

        plain.Append('&');
        return start + 1;
    }

    /// <summary>
    /// Decodes the entity starting at the '&amp;' at <paramref name="start"/> the way Telegram does: only &amp;lt;
    /// &amp;gt; &amp;amp; &amp;quot; and numeric references; anything else stays a literal '&amp;'.
    /// </summary>
    internal static bool TryDecodeEntity(string html, int start, out string decoded, out int next)
    {
        var end = html.IndexOf(';', start);
        if (end > start + 1 && end - start <= 10)
        {
            var entity = html[start..(end + 1)];
            if (entity is "&lt;" or "&gt;" or "&amp;" or "&quot;" || entity.StartsWith("&#", StringComparison.Ordinal))
            {
                decoded = WebUtility.HtmlDecode(entity);
                next = end + 1;
                return decoded != entity;
            }
        }

        decoded = string.Empty;
        next = start + 1;
        return false;
    }

    private static int ByteOffset(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));

    private static BotApiException Error(string detail) => BotApiException.BadRequest("can't parse entities: " + detail);

    /// <summary>
    /// The index of the '>' that ends the tag whose attributes start at <paramref name="i"/> (or the text's length),
    /// honouring quotes so a '>' inside an attribute value does not end the tag.
    /// </summary>
    internal static int SkipToTagEnd(string html, int i)
    {
        char? quote = null;
        while (i < html.Length && (quote is not null || html[i] != '>'))
        {
            if (quote is null && html[i] is '"' or '\'')
            {
                quote = html[i];
            }
            else if (quote == html[i])
            {
                quote = null;
            }

            i++;
        }

        return i;
    }
}
