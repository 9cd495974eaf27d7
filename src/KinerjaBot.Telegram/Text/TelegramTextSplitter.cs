namespace KinerjaBot.Telegram;

/// <summary>
/// Splits text longer than Telegram's limit into parts that each fit, so a long summary is delivered instead of
/// rejected with "message is too long".
/// </summary>
/// <remarks>
/// A part ends, in order of preference, at a line break, at a space, or anywhere else that is safe: never inside
/// an HTML tag or entity (Telegram would reject "can't parse entities") and never between the two halves of a
/// surrogate pair (emoji). In HTML mode, tags still open at the cut are closed at the end of the part and reopened
/// at the start of the next one, so every part is well-formed on its own. Lengths are counted on the raw text,
/// which is never shorter than the text after entity parsing that Telegram counts, so parts are always accepted.
/// </remarks>
public static class TelegramTextSplitter
{
    /// <summary>Splits <paramref name="text"/> into parts of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">The message text.</param>
    /// <param name="maxLength">Maximum part length; <see cref="TelegramLimits.MaxMessageLength"/> by default.</param>
    /// <param name="html">Whether the text is parse_mode HTML (tags and entities must stay intact).</param>
    public static IReadOnlyList<string> Split(string text, int maxLength = TelegramLimits.MaxMessageLength, bool html = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        if (text.Length <= maxLength)
        {
            return [text];
        }

        var parts = new List<string>();
        var rest = text;
        var reopen = "";
        while (true)
        {
            var chunk = reopen + rest;
            if (chunk.Length <= maxLength)
            {
                parts.Add(chunk);
                return parts;
            }

            var cut = FindCut(chunk, maxLength, html, minimum: reopen.Length);
            parts.Add(chunk[..cut.Index] + cut.Closers);
            rest = chunk[(cut.Index + cut.Skip)..];
            reopen = cut.Reopeners;
        }
    }

    private readonly record struct Cut(int Index, int Skip, string Closers, string Reopeners);

    private readonly record struct OpenTag(string Name, string Markup);

    private static Cut FindCut(string s, int maxLength, bool html, int minimum)
    {
        var open = new List<OpenTag>();
        var closersLength = 0;
        string closers = "", reopeners = "";
        Cut? atNewline = null, atSpace = null, anywhere = null;

        var i = 0;
        while (i <= s.Length && i <= maxLength)
        {
            // Position i is a boundary outside any tag or entity; decide whether a part may end here.
            var splitsSurrogate = i > 0 && i < s.Length && char.IsLowSurrogate(s[i]) && char.IsHighSurrogate(s[i - 1]);
            if (!splitsSurrogate && i > minimum && i + closersLength <= maxLength)
            {
                var next = i < s.Length ? s[i] : '\0';
                var cut = new Cut(i, next is '\n' or ' ' ? 1 : 0, closers, reopeners);
                if (next == '\n')
                {
                    atNewline = cut;
                }
                else if (next == ' ')
                {
                    atSpace = cut;
                }

                anywhere = cut;
            }

            if (i == s.Length)
            {
                break;
            }

            if (html && s[i] == '<')
            {
                var end = s.IndexOf('>', i);
                if (end > i)
                {
                    Track(s[i..(end + 1)], open, ref closersLength);

                    // Rebuilt only when a tag changes the open set, not at every candidate position.
                    closers = Closers(open);
                    reopeners = Reopeners(open);
                    i = end + 1;
                    continue;
                }
            }
            else if (html && s[i] == '&')
            {
                var end = EntityEnd(s, i);
                if (end > i)
                {
                    i = end + 1;
                    continue;
                }
            }

            i++;
        }

        // No safe boundary fits (a single tag longer than the limit): cut hard rather than loop forever;
        // Telegram will reject that part, which is the honest outcome for such input.
        return atNewline ?? atSpace ?? anywhere ?? new Cut(HardCut(s, maxLength, minimum), 0, "", "");
    }

    private static void Track(string tag, List<OpenTag> open, ref int closersLength)
    {
        var closing = tag.Length > 1 && tag[1] == '/';
        var start = closing ? 2 : 1;
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-'))
        {
            end++;
        }

        var name = tag[start..end];
        if (name.Length == 0)
        {
            return;
        }

        if (!closing)
        {
            open.Add(new OpenTag(name, tag));
            closersLength += name.Length + 3;
            return;
        }

        var index = open.FindLastIndex(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return;
        }

        for (var k = open.Count - 1; k >= index; k--)
        {
            closersLength -= open[k].Name.Length + 3;
            open.RemoveAt(k);
        }
    }

    private static int EntityEnd(string s, int ampersand)
    {
        // Named (&amp;) or numeric (&#39; &#x1F600;) entities are short; anything longer is not an entity.
        for (var k = ampersand + 1; k < s.Length && k <= ampersand + 12; k++)
        {
            if (s[k] == ';')
            {
                return k > ampersand + 1 ? k : -1;
            }

            if (!char.IsAsciiLetterOrDigit(s[k]) && s[k] != '#')
            {
                return -1;
            }
        }

        return -1;
    }

    private static string Closers(List<OpenTag> open)
    {
        if (open.Count == 0)
        {
            return "";
        }

        var closers = "";
        for (var k = open.Count - 1; k >= 0; k--)
        {
            closers += "</" + open[k].Name + ">";
        }

        return closers;
    }

    private static string Reopeners(List<OpenTag> open) => string.Concat(open.Select(t => t.Markup));

    private static int HardCut(string s, int maxLength, int minimum)
    {
        var cut = Math.Max(Math.Min(maxLength, s.Length), minimum + 1);
        if (cut < s.Length && char.IsLowSurrogate(s[cut]) && cut - 1 > minimum)
        {
            cut--;
        }

        return cut;
    }
}
