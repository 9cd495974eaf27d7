using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// First pass: turns a <see cref="ReportDocumentModel"/> into pages of positioned draw operations.
/// Knows the pagination rules (rows are not split unless taller than a page, the table header repeats,
/// the paraf box and signature block stay together and never stand alone: the table's last rows go with them)
/// and adds the footers once the page count is known. One instance lays out one document.
/// </summary>
internal sealed class ReportLayoutEngine
{
    private const double FooterLineGap = 1;

    private readonly PageFlow _flow;
    private readonly ReportStyle _style;
    private readonly ReportFonts _fonts;
    private readonly ReportPaint _paint;

    public ReportLayoutEngine(ReportStyle style, ReportFonts fonts, ReportPaint paint)
    {
        _flow = new PageFlow(style, fonts, paint);
        _style = style;
        _fonts = fonts;
        _paint = paint;
    }

    private double Remaining => _flow.Remaining;

    public List<List<DrawOp>> Layout(ReportDocumentModel model)
    {
        _flow.StartPage();
        LetterheadLayout.Emit(_flow, model.Letterhead);
        LayoutTitle(model);
        var closing = new ClosingLayout(_flow, model);
        LayoutIndicatorTable(model.Units, new IndicatorTableColumns(_style, model.BreakdownHeaders), closing.Height);
        closing.Emit();
        new ChartLayout(_flow).Emit(model.Charts);
        AddFooters(model);
        return _flow.Pages;
    }

    // ---------------------------------------------------------------- letterhead and title

    private void LayoutTitle(ReportDocumentModel model)
    {
        var width = _style.BodyWidth * _style.TitleMaxWidthFraction;
        var left = _style.BodyLeft + ((_style.BodyWidth - width) / 2);
        AddCentredLines(PageFlow.Wrap(model.Title, _fonts.Title, width), _fonts.Title, left, width);
        _flow.Y += 2;
        AddCentredLines(PageFlow.Wrap($"Nomor: {model.DocumentNumber}", _fonts.Subtitle, width), _fonts.Subtitle, left, width);
        if (!string.IsNullOrWhiteSpace(model.RevisionLabel))
        {
            AddCentredLines(PageFlow.Wrap(model.RevisionLabel, _fonts.Subtitle, width), _fonts.Subtitle, left, width);
        }

        foreach (var note in model.Notes)
        {
            AddCentredLines(PageFlow.Wrap(note, _fonts.Subtitle, width), _fonts.Subtitle, left, width);
        }

        _flow.Y += _style.SpaceAfterTitle;
    }

    private void AddCentredLines(List<string> lines, MeasuredFont font, double left, double width)
    {
        foreach (var line in lines)
        {
            _flow.AddText(line, font, _paint.Text, left, width, CellAlignment.Center, _flow.Y);
            _flow.Y += font.LineHeight;
        }
    }

    // ---------------------------------------------------------------- indicator table

    /// <param name="closingHeight">What must follow the last row on its page (legend, paraf box, signature block).</param>
    private void LayoutIndicatorTable(IReadOnlyList<ReportUnitSection> units, IndicatorTableColumns columns, double closingHeight)
    {
        var grid = new TableGrid(_style.BodyLeft, _style.BodyWidth, columns.Fractions, columns.Alignments);
        var header = _flow.BuildRow(grid, columns.Headers, _fonts.TableHeader, _paint.HeaderFill, centerVertically: true);
        var minSplitLines = Math.Max(1, _style.SplitRowMinLinesOnPage);

        // Built up front: the keep-with-signature rule needs the height of everything from a row to the table's end.
        var sections = units.Select(unit => (
            Group: _flow.BuildSpanningRow(grid, unit.UnitName, _fonts.TableBodyBold, _paint.UnitRowFill),
            Rows: unit.Rows.Select(r => _flow.BuildRow(grid, columns.Cells(Cells(r), r.Breakdown), _fonts.TableBody, null, centerVertically: false)).ToList(),
            Continuation: _flow.BuildSpanningRow(grid, $"{unit.UnitName} (lanjutan)", _fonts.TableBodyBold, _paint.UnitRowFill))).ToList();
        var totalRows = sections.Sum(s => s.Rows.Count);
        var keptFrom = totalRows - Math.Clamp(_style.RowsKeptWithSignature, 0, totalRows);

        // From each row (and from each unit's group row) to the end of the table, plus what closes the document.
        var tail = new Dictionary<TableRow, double>(ReferenceEqualityComparer.Instance);
        var after = closingHeight;
        for (var s = sections.Count - 1; s >= 0; s--)
        {
            for (var r = sections[s].Rows.Count - 1; r >= 0; r--)
            {
                after += sections[s].Rows[r].Height;
                tail[sections[s].Rows[r]] = after;
            }

            after += sections[s].Group.Height;
            tail[sections[s].Group] = after;
        }

        // A unit that runs over a page break is named again under the repeated header ("… (lanjutan)").
        TableRow? continuation = null;

        void NewTablePage()
        {
            _flow.StartPage();
            _flow.EmitRow(grid, header, 0, header.LineCount);
            if (continuation is not null)
            {
                _flow.EmitRow(grid, continuation, 0, continuation.LineCount);
            }
        }

        // Checked once, at the first of the rows kept with the signature (or at its unit's group row, if that row opens
        // the unit): when the rest of the table and the closing do not fit here, but do on a fresh page, they go there
        // together. Otherwise the closing would be pushed alone onto the last page.
        var keepChecked = keptFrom >= totalRows;
        void KeepWithClosing(TableRow from)
        {
            if (keepChecked)
            {
                return;
            }

            keepChecked = true;
            var fresh = _flow.PageBody - header.Height - (continuation?.Height ?? 0);
            if (tail[from] > Remaining && tail[from] <= fresh)
            {
                NewTablePage();
            }
        }

        // The header must not be the last thing on a page.
        if (Remaining < header.Height + header.HeightOf(1))
        {
            _flow.StartPage();
        }

        _flow.EmitRow(grid, header, 0, header.LineCount);
        var index = 0;
        foreach (var (group, rows, unitContinuation) in sections)
        {
            // What a row must fit into to stay whole: a page that starts with the header and the unit's name.
            var pageCapacity = _flow.PageBody - header.Height - unitContinuation.Height;

            continuation = null;
            if (rows.Count > 0 && index == keptFrom)
            {
                KeepWithClosing(group);
            }

            // Keep the unit's header row with (the start of) its first indicator.
            var first = rows.Count == 0 ? 0 : rows[0].Height > pageCapacity ? rows[0].HeightOf(minSplitLines) : rows[0].Height;
            if (group.Height + first > Remaining)
            {
                NewTablePage();
            }

            _flow.EmitRow(grid, group, 0, group.LineCount);
            continuation = unitContinuation;
            foreach (var row in rows)
            {
                if (index++ == keptFrom)
                {
                    KeepWithClosing(row);
                }

                if (row.Height <= Remaining)
                {
                    _flow.EmitRow(grid, row, 0, row.LineCount);
                }
                else if (row.Height <= pageCapacity)
                {
                    NewTablePage();
                    _flow.EmitRow(grid, row, 0, row.LineCount);
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
            _flow.EmitRow(grid, row, start, take);
            start += take;
            onFreshPage = false;
            if (start < row.LineCount)
            {
                newPage();
                onFreshPage = true;
            }
        }
    }

    private string[] Cells(ReportRow row) =>
    [
        row.Number,
        // A no-break space: the mark never wraps onto a line of its own.
        row.LowerIsBetter ? $"{row.IndicatorName}\u00A0{_style.LowerIsBetterMark}" : row.IndicatorName,
        row.Measure, row.Target, row.Realisation, row.Achievement, row.Rating, row.Remark,
    ];

    // ---------------------------------------------------------------- footer

    /// <summary>
    /// Two lines on every page: the document number and "Halaman X dari Y", then the data's whole SHA-256 (a shortened
    /// hash cannot be compared with the archive), so every sheet of a printed copy carries what identifies it.
    /// </summary>
    private void AddFooters(ReportDocumentModel model)
    {
        var font = _fonts.Footer;
        var revision = string.IsNullOrWhiteSpace(model.RevisionLabel) ? "" : $" ({model.RevisionLabel})";
        var number = font.Sanitize($"Nomor: {model.DocumentNumber}{revision}");
        var hash = font.Sanitize($"SHA-256 data: {model.DataHash}");
        var ruleY = _flow.Bottom + _style.FooterOffset - 3;
        var firstY = ruleY + 2;
        var secondY = firstY + font.LineHeight + FooterLineGap;
        var pages = _flow.Pages;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var pageText = $"Halaman {i + 1} dari {pages.Count}";
            page.Add(new LineOp(_paint.FooterRule, _style.BodyLeft, ruleY, _style.BodyRight, ruleY));
            page.Add(new TextOp(number, font.Font, _paint.Footer, _style.BodyLeft, firstY));
            page.Add(new TextOp(pageText, font.Font, _paint.Footer, _style.BodyRight - font.Width(pageText), firstY));
            page.Add(new TextOp(hash, font.Font, _paint.Footer, _style.BodyLeft, secondY));
        }
    }
}
