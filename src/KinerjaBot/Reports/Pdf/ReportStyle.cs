using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Every visual choice of the "Data Kinerja" PDF in one place: page, margins, fonts, sizes, spacing,
/// colours and column widths. Lengths are PDF points (1/72 inch; 1 cm ≈ 28.35 pt).
/// Use <see cref="Default"/>, or copy it with <c>with { … }</c> to change a few values.
/// </summary>
public sealed record ReportStyle
{
    public static ReportStyle Default { get; } = new();

    // Page: A4 portrait, a wider left margin for binding as in Indonesian government documents.
    public double PageWidth { get; init; } = XUnit.FromMillimeter(210).Point;
    public double PageHeight { get; init; } = XUnit.FromMillimeter(297).Point;
    public double MarginLeft { get; init; } = XUnit.FromCentimeter(2.5).Point;
    public double MarginRight { get; init; } = XUnit.FromCentimeter(2).Point;
    public double MarginTop { get; init; } = XUnit.FromCentimeter(1.5).Point;

    /// <summary>Bottom of the body; the footer is drawn inside this margin.</summary>
    public double MarginBottom { get; init; } = XUnit.FromCentimeter(2).Point;

    // Fonts (families must be known to DejaVuFontResolver).
    public string FontFamily { get; init; } = DejaVuFontResolver.SansFamily;
    public string LetterheadFontFamily { get; init; } = DejaVuFontResolver.SansFamily;

    // Letterhead (kop surat).
    public double GovernmentLineSize { get; init; } = 13;
    public double OfficeNameSize { get; init; } = 15;
    public double AddressSize { get; init; } = 8.5;
    public double LogoHeight { get; init; } = 62;
    public double LogoGap { get; init; } = 8;
    public double LetterheadThickRule { get; init; } = 2.2;
    public double LetterheadThinRule { get; init; } = 0.7;
    public double LetterheadRuleGap { get; init; } = 1.8;
    public double SpaceAfterLetterhead { get; init; } = 14;

    // Title block.
    public double TitleSize { get; init; } = 11.5;
    public double SubtitleSize { get; init; } = 9;
    public double TitleMaxWidthFraction { get; init; } = 0.82;
    public double SpaceAfterTitle { get; init; } = 10;

    // Indicator table. Column widths are fractions of the body width (each narrow column fits its longest usual word,
    // "dokumen", "Realisasi", "Capaian", at the default sizes), in the order
    // No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) | Predikat | Keterangan.
    public IReadOnlyList<double> ColumnFractions { get; init; } = [0.05, 0.274, 0.1, 0.085, 0.1, 0.092, 0.122, 0.177];
    public IReadOnlyList<string> ColumnHeaders { get; init; } =
        ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat", "Keterangan"];

    /// <summary>Width of each lower period's column (TW I, TW II, …) in a semester or annual report, taken from the name and keterangan.</summary>
    public double BreakdownColumnFraction { get; init; } = 0.065;

    /// <summary>Appended to a lower-is-better indicator's name; <see cref="LowerIsBetterLegend"/> explains it under the table.</summary>
    public string LowerIsBetterMark { get; init; } = "↓";
    public string LowerIsBetterLegend { get; init; } =
        "↓ = semakin rendah semakin baik: capaian = (2 − realisasi / target) × 100 %; untuk target 0, realisasi 0 = 100 % dan realisasi di atas 0 = 0 %.";
    public double LegendSize { get; init; } = 7.5;

    /// <summary>
    /// How many of the table's last rows move to the next page with the paraf box and signature block when those would
    /// otherwise stand alone there: a signature under no data is poor naskah dinas practice (and invites a page swap).
    /// </summary>
    public int RowsKeptWithSignature { get; init; } = 2;

    public double TableHeaderSize { get; init; } = 8;
    public double TableBodySize { get; init; } = 8.5;
    public double CellPaddingX { get; init; } = 3;
    public double CellPaddingY { get; init; } = 2.5;
    public double TableLineWidth { get; init; } = 0.5;

    /// <summary>
    /// A row taller than a whole page is split across pages; it starts on the current page only if at
    /// least this many of its lines fit there.
    /// </summary>
    public int SplitRowMinLinesOnPage { get; init; } = 2;

    // Paraf box (full width by default) and, under it at the right, the signature block: kept together.
    public double SpaceBeforeClosing { get; init; } = 16;
    public string ParafCaption { get; init; } = "Paraf Koordinasi";
    public IReadOnlyList<string> ParafHeaders { get; init; } = ["No", "Nama", "Jabatan", "Waktu Paraf (KinerjaBot)", "Paraf"];
    public IReadOnlyList<double> ParafColumnFractions { get; init; } = [0.05, 0.29, 0.29, 0.24, 0.13];

    /// <summary>A paraf row is at least this tall, so its last cell is a box big enough for wet initials (1 cm).</summary>
    public double ParafRowMinHeight { get; init; } = XUnit.FromCentimeter(1).Point;
    public double ParafBoxWidthFraction { get; init; } = 1.0;
    public double ParafSize { get; init; } = 8;
    public double SignatureSize { get; init; } = 10;
    public double SignatureWidthFraction { get; init; } = 0.5;
    public double SignatureSpace { get; init; } = 58;
    public double SpaceBetweenParafAndSignature { get; init; } = 16;

    // Verification QR code at the left of the signature block.
    public double QrCodeSize { get; init; } = XUnit.FromCentimeter(2.6).Point;
    public double QrCaptionSize { get; init; } = 6.5;
    public double QrCaptionWidth { get; init; } = XUnit.FromCentimeter(5).Point;
    public string QrCaption { get; init; } =
        "Kode QR verifikasi: kantor, periode, revisi, nomor dokumen dan SHA-256 data. Keaslian dokumen dapat dicocokkan dengan arsip KinerjaBot melalui operator.";

    // Footer: the document number and page on the first line, the data's full SHA-256 on the second.
    public double FooterSize { get; init; } = 7.5;
    public double FooterOffset { get; init; } = 12;

    // Colours.
    public XColor TextColor { get; init; } = XColors.Black;
    public XColor RuleColor { get; init; } = XColors.Black;
    public XColor HeaderFill { get; init; } = XColor.FromArgb(0xD9, 0xD9, 0xD9);
    public XColor UnitRowFill { get; init; } = XColor.FromArgb(0xF2, 0xF2, 0xF2);
    public XColor FooterColor { get; init; } = XColor.FromArgb(0x40, 0x40, 0x40);

    /// <summary>Printed in place of a character the font has no glyph for (e.g. a colour emoji).</summary>
    public char MissingGlyphReplacement { get; init; } = '?';

    internal double BodyLeft => MarginLeft;
    internal double BodyRight => PageWidth - MarginRight;
    internal double BodyWidth => BodyRight - BodyLeft;
    internal double BodyTop => MarginTop;
    internal double BodyBottom => PageHeight - MarginBottom;
}
