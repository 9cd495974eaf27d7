namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// The indicator table's columns: the style's eight, plus one per lower period (TW I, TW II, …) between Target and
/// Realisasi when a semester or annual report shows them beside the total (seed 001's rekap). Their width is taken
/// from the two text columns (indicator name and keterangan), which wrap, in proportion to their widths.
/// </summary>
internal sealed class IndicatorTableColumns
{
    private const int BreakdownAt = 4;

    private static readonly CellAlignment[] BaseAlignments =
    [
        CellAlignment.Center, CellAlignment.Left, CellAlignment.Center, CellAlignment.Center,
        CellAlignment.Center, CellAlignment.Center, CellAlignment.Center, CellAlignment.Left,
    ];

    public IndicatorTableColumns(ReportStyle style, IReadOnlyList<string> breakdownHeaders)
    {
        var fractions = style.ColumnFractions.ToList();
        var added = breakdownHeaders.Count * style.BreakdownColumnFraction;
        var shrinkable = fractions[1] + fractions[7];
        fractions[1] -= added * fractions[1] / shrinkable;
        fractions[7] -= added * fractions[7] / shrinkable;
        fractions.InsertRange(BreakdownAt, breakdownHeaders.Select(_ => style.BreakdownColumnFraction));
        Fractions = fractions;

        var headers = style.ColumnHeaders.ToList();
        headers.InsertRange(BreakdownAt, breakdownHeaders);
        Headers = headers;

        var alignments = BaseAlignments.ToList();
        alignments.InsertRange(BreakdownAt, breakdownHeaders.Select(_ => CellAlignment.Center));
        Alignments = alignments;
        BreakdownCount = breakdownHeaders.Count;
    }

    public IReadOnlyList<double> Fractions { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<CellAlignment> Alignments { get; }

    private int BreakdownCount { get; }

    /// <summary>The row's cells in column order; a row without breakdown values gets "–" in those columns.</summary>
    public string[] Cells(IReadOnlyList<string> baseCells, IReadOnlyList<string> breakdown)
    {
        var cells = baseCells.ToList();
        cells.InsertRange(BreakdownAt, Enumerable.Range(0, BreakdownCount).Select(i => i < breakdown.Count ? breakdown[i] : "–"));
        return [.. cells];
    }
}
