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

    /// <summary>Hex SHA-256 of the report data; the footer shows its first 16 characters.</summary>
    public required string DataHash { get; init; }

    /// <summary>Null for the first issue, otherwise e.g. "Revisi ke-2".</summary>
    public string? RevisionLabel { get; init; }

    public required IReadOnlyList<ReportUnitSection> Units { get; init; }

    public required IReadOnlyList<ParafRecord> Parafs { get; init; }

    public required SignatureBlock Signature { get; init; }

    /// <summary>The PDF's Author metadata, normally the office name.</summary>
    public required string Author { get; init; }
}
