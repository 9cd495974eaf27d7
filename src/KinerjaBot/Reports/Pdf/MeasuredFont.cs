using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// An <see cref="XFont"/> with a per-character width cache, so wrapping thousands of cell words costs
/// array look-ups instead of <see cref="XGraphics.MeasureString(string, XFont)"/> calls. PDFsharp
/// draws without kerning, so the width of a string is the sum of its characters' widths.
/// Thread-safe: cache misses are measured under the shared <see cref="TextMeasurer"/>'s lock.
/// </summary>
internal sealed class MeasuredFont
{
    private const int FastRange = 0x3000; // Latin, punctuation, arrows, box drawing… without hashing

    private readonly TextMeasurer _measurer;
    private readonly GlyphCoverage _coverage;
    private readonly char _replacement;
    private readonly double[] _fast = new double[FastRange];
    private readonly Dictionary<int, double> _slow = [];

    public MeasuredFont(TextMeasurer measurer, XFont font, GlyphCoverage coverage, char replacement)
    {
        _measurer = measurer;
        Font = font;
        _coverage = coverage;
        _replacement = replacement;
        Array.Fill(_fast, double.NaN);
        LineHeight = font.GetHeight();
        Ascent = font.Size * font.Metrics.Ascent / font.Metrics.UnitsPerEm;
        SpaceWidth = Width(" ");
    }

    public XFont Font { get; }

    public double Size => Font.Size;

    /// <summary>Distance between two baselines.</summary>
    public double LineHeight { get; }

    public double SpaceWidth { get; }

    /// <summary>From the top of a line (as drawn with XStringFormats.TopLeft) to its baseline.</summary>
    public double Ascent { get; }

    public double Width(string text)
    {
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }

        return width;
    }

    public double Width(Rune rune)
    {
        var value = rune.Value;
        if (value < FastRange)
        {
            var cached = _fast[value];
            if (!double.IsNaN(cached))
            {
                return cached;
            }

            var measured = _measurer.Measure(rune.ToString(), Font);
            _fast[value] = measured;
            return measured;
        }

        lock (_slow)
        {
            if (_slow.TryGetValue(value, out var cached))
            {
                return cached;
            }
        }

        var width = _measurer.Measure(rune.ToString(), Font);
        lock (_slow)
        {
            _slow[value] = width;
        }

        return width;
    }

    /// <summary>
    /// Makes <paramref name="text"/> drawable with this font: line breaks become '\n', other control
    /// characters a space, invisible format characters (zero-width joiners in emoji sequences, soft
    /// hyphens) are dropped, and characters without a glyph become the replacement character —
    /// except combining marks, which are dropped. DejaVu draws many emoticons in black and white;
    /// colour-only emoji and most emoji sequences end up as the replacement.
    /// </summary>
    public string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                builder.Append('\n');
            }
            else if (Rune.IsControl(rune))
            {
                builder.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                // PDFsharp does not shape text, so joiners and soft hyphens have nothing to do.
            }
            else if (_coverage.Contains(rune.Value))
            {
                builder.Append(rune.ToString());
            }
            else if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(_replacement);
            }
        }

        return builder.ToString();
    }

    private bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || (c >= 0x80 && (char.IsSurrogate(c) || !_coverage.Contains(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)))
            {
                return false;
            }
        }

        return true;
    }
}
