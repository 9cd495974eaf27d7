using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>A table row with its cells already wrapped into lines, so its height is known before placing it.</summary>
internal sealed class TableRow
{
    public TableRow(List<string>[] cells, MeasuredFont font, double paddingY, XBrush? fill, bool spansAllColumns, bool centerVertically, double minHeight = 0)
    {
        MinHeight = minHeight;
        Cells = cells;
        Font = font;
        PaddingY = paddingY;
        Fill = fill;
        SpansAllColumns = spansAllColumns;
        CenterVertically = centerVertically;
        LineCount = Math.Max(1, cells.Max(c => c.Count));
    }

    /// <summary>Lines per column; a spanning row has one cell.</summary>
    public List<string>[] Cells { get; }

    public MeasuredFont Font { get; }

    public double PaddingY { get; }

    public XBrush? Fill { get; }

    public bool SpansAllColumns { get; }

    public bool CenterVertically { get; }

    /// <summary>The tallest cell's line count (at least one, so an all-empty row still shows).</summary>
    public int LineCount { get; }

    /// <summary>The whole row is at least this tall (a paraf row leaves room for wet initials).</summary>
    public double MinHeight { get; }

    public double Height => HeightOf(LineCount);

    /// <summary>The height of the row's first <paramref name="lines"/> lines; the minimum height applies to the whole row only.</summary>
    public double HeightOf(int lines)
    {
        var height = (lines * Font.LineHeight) + (2 * PaddingY);
        return lines >= LineCount ? Math.Max(MinHeight, height) : height;
    }
}
