namespace KinerjaBot.Reports.Pdf;

/// <summary>The kop surat: the lines printed at the top of the first page, above a double rule.</summary>
public sealed record ReportLetterhead
{
    /// <summary>First line, e.g. "PEMERINTAH KABUPATEN CONTOH".</summary>
    public required string GovernmentLine { get; init; }

    /// <summary>The office, printed in bold, e.g. "KECAMATAN CONTOH".</summary>
    public required string OfficeName { get; init; }

    /// <summary>Street address (and phone, e-mail) under the office name.</summary>
    public required string Address { get; init; }

    /// <summary>Optional PNG or JPEG printed at the left of the letterhead; null for none.</summary>
    public string? LogoPath { get; init; }
}
