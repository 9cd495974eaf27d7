namespace KinerjaBot.Reports.Pdf;

/// <summary>One indicator line of the table. Every value is already formatted for print ("1.234,5", "–").</summary>
public sealed record ReportRow
{
    /// <summary>The "No" column, e.g. "1" or "1.2".</summary>
    public required string Number { get; init; }

    public required string IndicatorName { get; init; }

    /// <summary>Satuan: "%", "dokumen", "kegiatan", …</summary>
    public required string Measure { get; init; }

    public required string Target { get; init; }

    public required string Realisation { get; init; }

    /// <summary>Capaian in percent without the sign ("95,5"), or "–" when there is no target.</summary>
    public required string Achievement { get; init; }

    /// <summary>Predikat from the rating scale ("Sangat Baik"), or "–" when there is no capaian.</summary>
    public string Rating { get; init; } = "";

    /// <summary>
    /// Lower is better ("Jumlah pelanggaran Perda"): the row is marked with ↓ and a legend explains it, so a capaian
    /// above 100 % for a realisation under the target does not puzzle the reader.
    /// </summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>Keterangan; may be empty.</summary>
    public string Remark { get; init; } = "";

    /// <summary>
    /// The same row as numbers, for the spreadsheet export (numbers stay numbers there); null on rows built for
    /// layout only.
    /// </summary>
    public ReportRowData? Data { get; init; }

    /// <summary>
    /// The lower periods' realisasi printed beside the total in a semester or annual report, one per
    /// <see cref="ReportDocumentModel.BreakdownHeaders"/> entry; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Breakdown { get; init; } = [];
}
