namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Everything the "Surat Pemberitahuan" prints, as ready-to-print strings: the kop surat, the letter's head (Nomor,
/// Sifat, Lampiran, Perihal), the recipients, the body and the head's signature block.
/// </summary>
public sealed record NotificationLetterModel
{
    public required ReportLetterhead Letterhead { get; init; }

    /// <summary>The PDF's Title metadata.</summary>
    public required string Title { get; init; }

    /// <summary>"Sukamaju, 2 Desember 2026", printed at the right above the letter's head.</summary>
    public required string PlaceAndDate { get; init; }

    public required string Number { get; init; }

    public required string Sifat { get; init; }

    public required string Lampiran { get; init; }

    public required string Perihal { get; init; }

    /// <summary>One line per addressee ("Kepala Seksi Pemerintahan"), numbered under "Kepada Yth.".</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    public required SignatureBlock Signature { get; init; }

    public required string Author { get; init; }
}
