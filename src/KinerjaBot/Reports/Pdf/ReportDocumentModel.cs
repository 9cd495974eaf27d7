namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Everything the "Data Kinerja" PDF prints, as ready-to-print strings. The mapping from the domain
/// (numbers, dates, officials) to these strings lives elsewhere; <see cref="ReportPdfRenderer"/> only lays out.
/// </summary>
public sealed record ReportDocumentModel
{
    public required ReportLetterhead Letterhead { get; init; }

    /// <summary>"DATA KINERJA KECAMATAN CONTOH TRIWULAN III 2026"; also the PDF's Title metadata.</summary>
    public required string Title { get; init; }

    public required string DocumentNumber { get; init; }

    /// <summary>
    /// Hex SHA-256 of the report data (office, period, revision and every indicator's value and note); the footer prints
    /// all 64 characters. Not the hash of the PDF file: a file cannot contain its own hash (docs/decisions/0007).
    /// </summary>
    public required string DataHash { get; init; }

    /// <summary>
    /// The verification line (<see cref="KinerjaBot.Reports.ReportVerificationLine"/>) printed as a QR code beside the signature and kept
    /// in the PDF's metadata, so <c>verify</c> can say what a file claims to be; null for none (drafts).
    /// </summary>
    public string? VerificationLine { get; init; }

    /// <summary>Null for the first issue, otherwise e.g. "Revisi ke-2".</summary>
    public string? RevisionLabel { get; init; }

    /// <summary>Lines printed under the title, such as a format's fill deadline; none for a report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required IReadOnlyList<ReportUnitSection> Units { get; init; }

    /// <summary>
    /// Column headers of the lower periods a semester or annual report shows beside the total ("TW I", "TW II");
    /// empty for a table without them.
    /// </summary>
    public IReadOnlyList<string> BreakdownHeaders { get; init; } = [];

    /// <summary>The lower periods behind <see cref="BreakdownHeaders"/>, as numbers, one sheet each in the spreadsheet.</summary>
    public IReadOnlyList<ReportPeriodData> BreakdownPeriods { get; init; } = [];

    /// <summary>Charts drawn as a lampiran after the signature (the measurement report's capaian per sasaran); empty for none.</summary>
    public IReadOnlyList<CapaianChart> Charts { get; init; } = [];

    /// <summary>The report's own period id ("2026-TW3"): the spreadsheet's sheet name.</summary>
    public string PeriodId { get; init; } = "";

    public required IReadOnlyList<ParafRecord> Parafs { get; init; }

    public required SignatureBlock Signature { get; init; }

    /// <summary>The PDF's Author metadata, normally the office name.</summary>
    public required string Author { get; init; }
}
