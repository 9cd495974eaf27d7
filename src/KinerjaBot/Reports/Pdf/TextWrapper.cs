using System.Text;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Greedy word wrapping by measured width (PDFsharp's XTextFormatter cannot report the height it needs,
/// which pagination must know before drawing). '\n' forces a break; a word wider than the line is
/// broken between characters.
/// </summary>
internal static class TextWrapper
{
    /// <summary>Returns the lines of sanitized <paramref name="text"/>; empty text gives no lines.</summary>
    public static List<string> Wrap(string text, MeasuredFont font, double maxWidth)
    {
        var lines = new List<string>(2);
        if (text.Length == 0)
        {
            return lines;
        }

        if (text.IndexOf('\n') < 0 && font.Width(text) <= maxWidth && text.IndexOf("  ", StringComparison.Ordinal) < 0)
        {
            lines.Add(text.Trim());
            return lines;
        }

        var line = new StringBuilder();
        foreach (var paragraph in text.Split('\n'))
        {
            var lineWidth = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = font.Width(word);
                if (line.Length > 0 && lineWidth + font.SpaceWidth + wordWidth <= maxWidth)
                {
                    line.Append(' ').Append(word);
                    lineWidth += font.SpaceWidth + wordWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                if (wordWidth <= maxWidth)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                }
                else
                {
                    lineWidth = BreakLongWord(word, font, maxWidth, lines, line);
                }
            }

            lines.Add(line.ToString());
            line.Clear();
        }

        // Trailing blank paragraphs add nothing visible but height.
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Emits full-width chunks of <paramref name="word"/>; the last chunk stays in <paramref name="line"/>.</summary>
    private static double BreakLongWord(string word, MeasuredFont font, double maxWidth, List<string> lines, StringBuilder line)
    {
        var width = 0.0;
        foreach (var rune in word.EnumerateRunes())
        {
            var runeWidth = font.Width(rune);
            if (line.Length > 0 && width + runeWidth > maxWidth)
            {
                lines.Add(line.ToString());
                line.Clear();
                width = 0;
            }

            line.Append(rune.ToString());
            width += runeWidth;
        }

        return width;
    }
}
