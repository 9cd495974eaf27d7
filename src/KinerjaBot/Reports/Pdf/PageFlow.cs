using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// The layout cursor shared by the parts of one document's layout: the pages of draw operations so far, the
/// vertical position on the current page, and drawing a table row at it. One instance lays out one document.
/// </summary>
internal sealed class PageFlow(ReportStyle style, ReportFonts fonts, ReportPaint paint)
{
    private List<DrawOp> _ops = [];

    public ReportStyle Style { get; } = style;

    public ReportFonts Fonts { get; } = fonts;

    public ReportPaint Paint { get; } = paint;

    public List<List<DrawOp>> Pages { get; } = [];

    /// <summary>The top of the next thing placed on the current page.</summary>
    public double Y { get; set; }

    public double Bottom => Style.BodyBottom;

    public double Remaining => Bottom - Y;

    /// <summary>What a fresh page holds between its top and bottom margins.</summary>
    public double PageBody => Bottom - Style.BodyTop;

    public void StartPage()
    {
        _ops = new List<DrawOp>(256);
        Pages.Add(_ops);
        Y = Style.BodyTop;
    }

    public void Add(DrawOp op) => _ops.Add(op);

    /// <summary>Left-, centre- or right-aligned text whose top is at the cursor's line <paramref name="y"/>.</summary>
    public void AddText(string line, MeasuredFont font, XBrush brush, double left, double width, CellAlignment alignment, double y) =>
        _ops.Add(new TextOp(line, font.Font, brush, Align(line, font, left, width, alignment), y));

    public TableRow BuildRow(TableGrid grid, IReadOnlyList<string> texts, MeasuredFont font, XBrush? fill, bool centerVertically, double minHeight = 0)
    {
        var cells = new List<string>[grid.ColumnCount];
        for (var c = 0; c < cells.Length; c++)
        {
            var text = c < texts.Count ? texts[c] : "";
            cells[c] = Wrap(text, font, grid.ColumnWidth(c) - (2 * Style.CellPaddingX));
        }

        return new TableRow(cells, font, Style.CellPaddingY, fill, spansAllColumns: false, centerVertically, minHeight);
    }

    public TableRow BuildSpanningRow(TableGrid grid, string text, MeasuredFont font, XBrush? fill) =>
        new([Wrap(text, font, grid.Width - (2 * Style.CellPaddingX))], font, Style.CellPaddingY, fill, spansAllColumns: true, centerVertically: false);

    /// <summary>Draws lines [firstLine, firstLine + lineCount) of <paramref name="row"/> at the cursor and advances it.</summary>
    public void EmitRow(TableGrid grid, TableRow row, int firstLine, int lineCount)
    {
        var height = row.HeightOf(lineCount);
        var rect = new XRect(grid.Left, Y, grid.Width, height);
        if (row.Fill is not null)
        {
            _ops.Add(new RectOp(null, row.Fill, rect));
        }

        var lineHeight = row.Font.LineHeight;
        for (var c = 0; c < row.Cells.Length; c++)
        {
            var lines = row.Cells[c];
            var (left, right) = row.SpansAllColumns ? (grid.Left, grid.Right) : (grid.Edges[c], grid.Edges[c + 1]);
            var alignment = row.SpansAllColumns ? CellAlignment.Left : grid.Alignments[c];
            var innerLeft = left + Style.CellPaddingX;
            var innerWidth = right - left - (2 * Style.CellPaddingX);
            var shown = Math.Clamp(lines.Count - firstLine, 0, lineCount);
            var top = Y + row.PaddingY + (row.CenterVertically ? (lineCount - shown) * lineHeight / 2 : 0);
            for (var k = 0; k < shown; k++)
            {
                var line = lines[firstLine + k];
                if (line.Length > 0)
                {
                    AddText(line, row.Font, Paint.Text, innerLeft, innerWidth, alignment, top + (k * lineHeight));
                }
            }
        }

        _ops.Add(new RectOp(Paint.TableLine, null, rect));
        if (!row.SpansAllColumns)
        {
            for (var e = 1; e < grid.Edges.Length - 1; e++)
            {
                _ops.Add(new LineOp(Paint.TableLine, grid.Edges[e], Y, grid.Edges[e], Y + height));
            }
        }

        Y += height;
    }

    public static List<string> Wrap(string? text, MeasuredFont font, double width) =>
        TextWrapper.Wrap(font.Sanitize(text), font, width);

    public static double Align(string line, MeasuredFont font, double left, double width, CellAlignment alignment) =>
        alignment switch
        {
            CellAlignment.Center => left + Math.Max(0, (width - font.Width(line)) / 2),
            CellAlignment.Right => left + Math.Max(0, width - font.Width(line)),
            _ => left,
        };
}
