using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// First pass: turns a <see cref="ReportDocumentModel"/> into pages of positioned draw operations.
/// Knows the pagination rules (rows are not split unless taller than a page, the table header repeats,
/// the paraf box and signature block stay together) and adds the footers once the page count is known.
/// One instance lays out one document.
/// </summary>
internal sealed class ReportLayoutEngine
{
    private static readonly CellAlignment[] TableAlignments =
    [
        CellAlignment.Center, CellAlignment.Left, CellAlignment.Center, CellAlignment.Center,
        CellAlignment.Center, CellAlignment.Center, CellAlignment.Left,
    ];

    private static readonly CellAlignment[] ParafAlignments =
        [CellAlignment.Center, CellAlignment.Left, CellAlignment.Left, CellAlignment.Left];

    private const double CaptionGap = 2;

    private readonly ReportStyle _style;
    private readonly ReportFonts _fonts;
    private readonly ReportPaint _paint;
    private readonly List<List<DrawOp>> _pages = [];
    private List<DrawOp> _ops = [];
    private double _y;

    public ReportLayoutEngine(ReportStyle style, ReportFonts fonts, ReportPaint paint)
    {
        _style = style;
        _fonts = fonts;
        _paint = paint;
    }

    private double Bottom => _style.BodyBottom;

    private double Remaining => Bottom - _y;

    public List<List<DrawOp>> Layout(ReportDocumentModel model)
    {
        StartPage();
        LayoutLetterhead(model.Letterhead);
        LayoutTitle(model);
        LayoutIndicatorTable(model.Units);
        LayoutClosing(model.Parafs, model.Signature);
        AddFooters(model);
        return _pages;
    }

    private void StartPage()
    {
        _ops = new List<DrawOp>(256);
        _pages.Add(_ops);
        _y = _style.BodyTop;
    }

    // ---------------------------------------------------------------- letterhead and title

    private void LayoutLetterhead(ReportLetterhead letterhead)
    {
        var top = _y;
        var logoWidth = 0.0;
        var logoHeight = 0.0;
        if (!string.IsNullOrWhiteSpace(letterhead.LogoPath))
        {
            logoHeight = _style.LogoHeight;
            logoWidth = logoHeight * LogoAspectRatio(letterhead.LogoPath);
            _ops.Add(new ImageOp(letterhead.LogoPath, new XRect(_style.BodyLeft, top, logoWidth, logoHeight)));
        }

        // The text is centred on the page, so it keeps clear of the logo on both sides.
        var inset = logoWidth > 0 ? logoWidth + _style.LogoGap : 0;
        var left = _style.BodyLeft + inset;
        var width = _style.BodyWidth - (2 * inset);
        var blocks = new[]
        {
            (Font: _fonts.GovernmentLine, Lines: Wrap(letterhead.GovernmentLine, _fonts.GovernmentLine, width)),
            (Font: _fonts.OfficeName, Lines: Wrap(letterhead.OfficeName, _fonts.OfficeName, width)),
            (Font: _fonts.Address, Lines: Wrap(letterhead.Address, _fonts.Address, width)),
        };
        var textHeight = blocks.Sum(b => b.Lines.Count * b.Font.LineHeight);
        var y = top + Math.Max(0, (logoHeight - textHeight) / 2);
        foreach (var (font, lines) in blocks)
        {
            foreach (var line in lines)
            {
                _ops.Add(new TextOp(line, font.Font, _paint.Text, Align(line, font, left, width, CellAlignment.Center), y));
                y += font.LineHeight;
            }
        }

        // Kop surat: a thick rule with a thin one under it, across the whole body width.
        var ruleY = Math.Max(y, top + logoHeight) + 4 + (_style.LetterheadThickRule / 2);
        _ops.Add(new LineOp(_paint.ThickRule, _style.BodyLeft, ruleY, _style.BodyRight, ruleY));
        var thinY = ruleY + (_style.LetterheadThickRule / 2) + _style.LetterheadRuleGap + (_style.LetterheadThinRule / 2);
        _ops.Add(new LineOp(_paint.ThinRule, _style.BodyLeft, thinY, _style.BodyRight, thinY));
        _y = thinY + _style.SpaceAfterLetterhead;
    }

    private static double LogoAspectRatio(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The letterhead logo '{path}' does not exist.", path);
        }

        using var image = XImage.FromFile(path);
        return image.PixelHeight == 0 ? 1 : (double)image.PixelWidth / image.PixelHeight;
    }

    private void LayoutTitle(ReportDocumentModel model)
    {
        var width = _style.BodyWidth * _style.TitleMaxWidthFraction;
        var left = _style.BodyLeft + ((_style.BodyWidth - width) / 2);
        AddCentredLines(Wrap(model.Title, _fonts.Title, width), _fonts.Title, left, width);
        _y += 2;
        AddCentredLines(Wrap($"Nomor: {model.DocumentNumber}", _fonts.Subtitle, width), _fonts.Subtitle, left, width);
        if (!string.IsNullOrWhiteSpace(model.RevisionLabel))
        {
            AddCentredLines(Wrap(model.RevisionLabel, _fonts.Subtitle, width), _fonts.Subtitle, left, width);
        }

        _y += _style.SpaceAfterTitle;
    }

    private void AddCentredLines(List<string> lines, MeasuredFont font, double left, double width)
    {
        foreach (var line in lines)
        {
            _ops.Add(new TextOp(line, font.Font, _paint.Text, Align(line, font, left, width, CellAlignment.Center), _y));
            _y += font.LineHeight;
        }
    }

    // ---------------------------------------------------------------- indicator table

    private void LayoutIndicatorTable(IReadOnlyList<ReportUnitSection> units)
    {
        var grid = new TableGrid(_style.BodyLeft, _style.BodyWidth, _style.ColumnFractions, TableAlignments);
        var header = BuildRow(grid, _style.ColumnHeaders, _fonts.TableHeader, _paint.HeaderFill, centerVertically: true);

        var minSplitLines = Math.Max(1, _style.SplitRowMinLinesOnPage);

        // A unit that runs over a page break is named again under the repeated header ("… (lanjutan)").
        TableRow? continuation = null;

        void NewTablePage()
        {
            StartPage();
            EmitRow(grid, header, 0, header.LineCount);
            if (continuation is not null)
            {
                EmitRow(grid, continuation, 0, continuation.LineCount);
            }
        }

        // The header must not be the last thing on a page.
        if (Remaining < header.Height + header.HeightOf(1))
        {
            StartPage();
        }

        EmitRow(grid, header, 0, header.LineCount);
        foreach (var unit in units)
        {
            var group = BuildSpanningRow(grid, unit.UnitName, _fonts.TableBodyBold, _paint.UnitRowFill);
            var rows = unit.Rows.Select(r => BuildRow(grid, Cells(r), _fonts.TableBody, null, centerVertically: false)).ToList();
            var unitContinuation = BuildSpanningRow(grid, $"{unit.UnitName} (lanjutan)", _fonts.TableBodyBold, _paint.UnitRowFill);

            // What a row must fit into to stay whole: a page that starts with the header and the unit's name.
            var pageCapacity = Bottom - _style.BodyTop - header.Height - unitContinuation.Height;

            // Keep the unit's header row with (the start of) its first indicator.
            continuation = null;
            var first = rows.Count == 0 ? 0 : rows[0].Height > pageCapacity ? rows[0].HeightOf(minSplitLines) : rows[0].Height;
            if (group.Height + first > Remaining)
            {
                NewTablePage();
            }

            EmitRow(grid, group, 0, group.LineCount);
            continuation = unitContinuation;
            foreach (var row in rows)
            {
                if (row.Height <= Remaining)
                {
                    EmitRow(grid, row, 0, row.LineCount);
                }
                else if (row.Height <= pageCapacity)
                {
                    NewTablePage();
                    EmitRow(grid, row, 0, row.LineCount);
                }
                else
                {
                    EmitSplitRow(grid, row, minSplitLines, NewTablePage);
                }
            }
        }
    }

    /// <summary>A row taller than a page: as many whole lines as fit per page, continued under the repeated header.</summary>
    private void EmitSplitRow(TableGrid grid, TableRow row, int minLines, Action newPage)
    {
        var start = 0;
        var onFreshPage = false;
        while (start < row.LineCount)
        {
            var fit = (int)Math.Floor((Remaining - (2 * row.PaddingY)) / row.Font.LineHeight);
            var left = row.LineCount - start;
            if (fit < Math.Min(minLines, left) && !onFreshPage)
            {
                newPage();
                onFreshPage = true;
                continue;
            }

            // At least one line per page, even with a style whose page cannot hold more: never loop forever.
            var take = Math.Clamp(fit, 1, left);
            EmitRow(grid, row, start, take);
            start += take;
            onFreshPage = false;
            if (start < row.LineCount)
            {
                newPage();
                onFreshPage = true;
            }
        }
    }

    private static string[] Cells(ReportRow row) =>
        [row.Number, row.IndicatorName, row.Measure, row.Target, row.Realisation, row.Achievement, row.Remark];

    private TableRow BuildRow(TableGrid grid, IReadOnlyList<string> texts, MeasuredFont font, XBrush? fill, bool centerVertically)
    {
        var cells = new List<string>[grid.ColumnCount];
        for (var c = 0; c < cells.Length; c++)
        {
            var text = c < texts.Count ? texts[c] : "";
            cells[c] = Wrap(text, font, grid.ColumnWidth(c) - (2 * _style.CellPaddingX));
        }

        return new TableRow(cells, font, _style.CellPaddingY, fill, spansAllColumns: false, centerVertically);
    }

    private TableRow BuildSpanningRow(TableGrid grid, string text, MeasuredFont font, XBrush? fill) =>
        new([Wrap(text, font, grid.Width - (2 * _style.CellPaddingX))], font, _style.CellPaddingY, fill, spansAllColumns: true, centerVertically: false);

    /// <summary>Draws lines [firstLine, firstLine + lineCount) of <paramref name="row"/> at the cursor and advances it.</summary>
    private void EmitRow(TableGrid grid, TableRow row, int firstLine, int lineCount)
    {
        var height = row.HeightOf(lineCount);
        var rect = new XRect(grid.Left, _y, grid.Width, height);
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
            var innerLeft = left + _style.CellPaddingX;
            var innerWidth = right - left - (2 * _style.CellPaddingX);
            var shown = Math.Clamp(lines.Count - firstLine, 0, lineCount);
            var top = _y + row.PaddingY + (row.CenterVertically ? (lineCount - shown) * lineHeight / 2 : 0);
            for (var k = 0; k < shown; k++)
            {
                var line = lines[firstLine + k];
                if (line.Length > 0)
                {
                    _ops.Add(new TextOp(line, row.Font.Font, _paint.Text, Align(line, row.Font, innerLeft, innerWidth, alignment), top + (k * lineHeight)));
                }
            }
        }

        _ops.Add(new RectOp(_paint.TableLine, null, rect));
        if (!row.SpansAllColumns)
        {
            for (var e = 1; e < grid.Edges.Length - 1; e++)
            {
                _ops.Add(new LineOp(_paint.TableLine, grid.Edges[e], _y, grid.Edges[e], _y + height));
            }
        }

        _y += height;
    }

    // ---------------------------------------------------------------- paraf box and signature block

    private void LayoutClosing(IReadOnlyList<ParafRecord> parafs, SignatureBlock signature)
    {
        var parafGrid = new TableGrid(
            _style.BodyLeft, _style.BodyWidth * _style.ParafBoxWidthFraction, _style.ParafColumnFractions, ParafAlignments);
        var caption = Wrap(_style.ParafCaption, _fonts.ParafBold, parafGrid.Width);
        var parafHeader = BuildRow(parafGrid, _style.ParafHeaders, _fonts.ParafBold, _paint.HeaderFill, centerVertically: true);
        var parafRows = parafs
            .Select((p, i) => BuildRow(parafGrid, [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name, p.Position, p.SignedAt], _fonts.Paraf, null, centerVertically: false))
            .ToList();
        var captionHeight = (caption.Count * _fonts.ParafBold.LineHeight) + CaptionGap;
        var parafHeight = parafRows.Count == 0 ? 0 : captionHeight + parafHeader.Height + parafRows.Sum(r => r.Height);

        var signatureWidth = _style.BodyWidth * _style.SignatureWidthFraction;
        var signatureLeft = _style.BodyRight - signatureWidth;
        var signatureLines = SignatureLines(signature, signatureWidth);
        var signatureHeight = signatureLines.Sum(l => l.Space);

        // The paraf box, then the signature block at the right under it: kept together on one page.
        var gap = parafRows.Count == 0 ? 0 : _style.SpaceBetweenParafAndSignature;
        var blockHeight = parafHeight + gap + signatureHeight;
        var space = _style.SpaceBeforeClosing;
        if (space + blockHeight > Remaining)
        {
            StartPage();
            space = 0;
        }

        _y += space;
        if (parafRows.Count > 0)
        {
            // Row by row: only when the box is taller than a page (unusual) does it flow over pages.
            EmitParafCaption(caption, parafGrid);
            EmitRow(parafGrid, parafHeader, 0, parafHeader.LineCount);
            foreach (var row in parafRows)
            {
                if (row.Height > Remaining)
                {
                    StartPage();
                    EmitRow(parafGrid, parafHeader, 0, parafHeader.LineCount);
                }

                EmitRow(parafGrid, row, 0, row.LineCount);
            }
        }

        if (gap + signatureHeight > Remaining)
        {
            StartPage();
            gap = 0;
        }

        _y += gap;
        EmitSignature(signatureLines, signatureLeft, signatureWidth);
    }

    private void EmitParafCaption(List<string> caption, TableGrid grid)
    {
        foreach (var line in caption)
        {
            _ops.Add(new TextOp(line, _fonts.ParafBold.Font, _paint.Text, grid.Left, _y));
            _y += _fonts.ParafBold.LineHeight;
        }

        _y += CaptionGap;
    }

    private List<(string Text, MeasuredFont Font, bool Underline, double Space)> SignatureLines(SignatureBlock signature, double width)
    {
        var result = new List<(string, MeasuredFont, bool, double)>();
        void Add(string text, MeasuredFont font, bool underline = false)
        {
            foreach (var line in Wrap(text, font, width))
            {
                result.Add((line, font, underline, font.LineHeight));
            }
        }

        Add(signature.PlaceAndDate, _fonts.Signature);
        Add(signature.Position, _fonts.Signature);
        result.Add(("", _fonts.Signature, false, _style.SignatureSpace));
        Add(signature.Name, _fonts.SignatureBold, underline: true);
        Add(signature.Rank, _fonts.Signature);
        Add($"NIP. {signature.Nip}", _fonts.Signature);
        return result;
    }

    private void EmitSignature(List<(string Text, MeasuredFont Font, bool Underline, double Space)> lines, double left, double width)
    {
        foreach (var (text, font, underline, space) in lines)
        {
            if (text.Length > 0)
            {
                var x = Align(text, font, left, width, CellAlignment.Center);
                _ops.Add(new TextOp(text, font.Font, _paint.Text, x, _y));
                if (underline)
                {
                    var underlineY = _y + font.Ascent + 1.5;
                    _ops.Add(new LineOp(_paint.Underline, x, underlineY, x + font.Width(text), underlineY));
                }
            }

            _y += space;
        }
    }

    // ---------------------------------------------------------------- footer

    private void AddFooters(ReportDocumentModel model)
    {
        var font = _fonts.Footer;
        var hash = model.DataHash.Length > _style.FooterHashLength ? model.DataHash[.._style.FooterHashLength] + "…" : model.DataHash;
        var revision = string.IsNullOrWhiteSpace(model.RevisionLabel) ? "" : $" ({model.RevisionLabel})";
        var left = font.Sanitize($"Nomor: {model.DocumentNumber}{revision} · Hash data: {hash}");
        var ruleY = Bottom + _style.FooterOffset - 3;
        var textY = ruleY + 2;
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            var pageText = $"Halaman {i + 1} dari {_pages.Count}";
            page.Add(new LineOp(_paint.FooterRule, _style.BodyLeft, ruleY, _style.BodyRight, ruleY));
            page.Add(new TextOp(left, font.Font, _paint.Footer, _style.BodyLeft, textY));
            page.Add(new TextOp(pageText, font.Font, _paint.Footer, _style.BodyRight - font.Width(pageText), textY));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<string> Wrap(string? text, MeasuredFont font, double width) =>
        TextWrapper.Wrap(font.Sanitize(text), font, width);

    private static double Align(string line, MeasuredFont font, double left, double width, CellAlignment alignment) =>
        alignment switch
        {
            CellAlignment.Center => left + Math.Max(0, (width - font.Width(line)) / 2),
            CellAlignment.Right => left + Math.Max(0, width - font.Width(line)),
            _ => left,
        };
}
