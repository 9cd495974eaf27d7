using System.Buffers.Binary;
using System.Collections;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Which Unicode code points a TrueType font has a glyph for, read from its 'cmap' table (formats 4
/// and 12). Used to replace characters DejaVu cannot draw (colour emoji, rare scripts) before layout,
/// so the PDF never shows an empty box and measured widths match what is drawn.
/// </summary>
internal sealed class GlyphCoverage
{
    private const int CodePointCount = 0x110000;
    private readonly BitArray _present = new(CodePointCount);

    private GlyphCoverage()
    {
    }

    public bool Contains(int codePoint) => (uint)codePoint < CodePointCount && _present[codePoint];

    public static GlyphCoverage FromTrueType(ReadOnlySpan<byte> font)
    {
        var coverage = new GlyphCoverage();
        var cmap = FindTable(font, "cmap");
        var count = U16(cmap, 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var record = 4 + (i * 8);
            var platform = U16(cmap, record);
            var encoding = U16(cmap, record + 2);
            var offset = (int)U32(cmap, record + 4);
            var format = U16(cmap, offset);
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (unicode && format == 12)
            {
                format12 = offset;
            }
            else if (unicode && format == 4)
            {
                format4 = offset;
            }
        }

        if (format12 >= 0)
        {
            coverage.ReadFormat12(cmap[format12..]);
        }
        else if (format4 >= 0)
        {
            coverage.ReadFormat4(cmap[format4..]);
        }
        else
        {
            throw new InvalidDataException("The font has no Unicode character map (cmap format 4 or 12).");
        }

        return coverage;
    }

    private void ReadFormat12(ReadOnlySpan<byte> table)
    {
        var groups = (int)U32(table, 12);
        for (var g = 0; g < groups; g++)
        {
            var at = 16 + (g * 12);
            var start = (int)Math.Min(U32(table, at), CodePointCount - 1);
            var end = (int)Math.Min(U32(table, at + 4), CodePointCount - 1);
            var startGlyph = U32(table, at + 8);
            for (var c = start; c <= end; c++)
            {
                _present[c] = startGlyph + (uint)(c - start) != 0;
            }
        }
    }

    private void ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = U16(table, 6) / 2;
        var endCodes = 14;
        var startCodes = endCodes + (segments * 2) + 2;
        var deltas = startCodes + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            var end = U16(table, endCodes + (s * 2));
            var start = U16(table, startCodes + (s * 2));
            var delta = U16(table, deltas + (s * 2));
            var rangeOffsetAt = rangeOffsets + (s * 2);
            var rangeOffset = U16(table, rangeOffsetAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsetAt + rangeOffset + ((c - start) * 2);
                    glyph = at + 1 < table.Length ? U16(table, at) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                _present[c] = glyph != 0;
            }
        }
    }

    private static ReadOnlySpan<byte> FindTable(ReadOnlySpan<byte> font, string tag)
    {
        var tables = U16(font, 4);
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (i * 16);
            if (font[record] == tag[0] && font[record + 1] == tag[1] && font[record + 2] == tag[2] && font[record + 3] == tag[3])
            {
                return font.Slice((int)U32(font, record + 8), (int)U32(font, record + 12));
            }
        }

        throw new InvalidDataException($"The font has no '{tag}' table.");
    }

    private static int U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static uint U32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
}
