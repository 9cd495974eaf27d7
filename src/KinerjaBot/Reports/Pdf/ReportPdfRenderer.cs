using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Draws the signature-ready "Data Kinerja" PDF (A4 portrait: kop surat, indicator table, paraf box,
/// signature block with the verification QR code, page footers) from a <see cref="ReportDocumentModel"/>. It prints the model's
/// strings as they are; all formatting of numbers and dates happens when the model is built.
/// Create one and reuse it: fonts and glyph-width caches live as long as the renderer. Thread-safe.
/// </summary>
public sealed class ReportPdfRenderer
{
    /// <summary>The Info dictionary entry that holds the verification line.</summary>
    public const string VerificationKey = "/KinerjaBotVerifikasi";

    private readonly ReportStyle _style;
    private readonly ReportFonts _fonts;
    private readonly ReportPaint _paint;

    /// <param name="style">Layout and typography; <see cref="ReportStyle.Default"/> when null.</param>
    /// <param name="fontFolder">Folder with the DejaVu TTF files (see <see cref="PdfSharpSetup.EnsureInitialized"/>).</param>
    /// <exception cref="DirectoryNotFoundException">The font folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A DejaVu face is missing from the font folder.</exception>
    public ReportPdfRenderer(ReportStyle? style = null, string fontFolder = DejaVuFontResolver.DefaultFontFolder)
    {
        var resolver = PdfSharpSetup.EnsureInitialized(fontFolder);
        _style = style ?? ReportStyle.Default;
        if (_style.ColumnFractions.Count != _style.ColumnHeaders.Count || _style.ColumnHeaders.Count != 8)
        {
            throw new ArgumentException("The indicator table has 8 columns: give 8 headers and 8 width fractions.", nameof(style));
        }

        if (_style.ParafColumnFractions.Count != 5 || _style.ParafHeaders.Count != 5)
        {
            throw new ArgumentException("The paraf box has 5 columns: give 5 headers and 5 width fractions.", nameof(style));
        }

        _fonts = new ReportFonts(_style, resolver);
        _paint = new ReportPaint(_style);
    }

    /// <summary>Renders the report and returns the PDF file's bytes.</summary>
    public byte[] Render(ReportDocumentModel model)
    {
        using var buffer = new MemoryStream();
        Render(model, buffer);
        return buffer.ToArray();
    }

    /// <summary>Renders the report and writes the PDF to <paramref name="destination"/>, leaving it open.</summary>
    /// <exception cref="FileNotFoundException">The model names a letterhead logo that does not exist.</exception>
    public void Render(ReportDocumentModel model, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(destination);

        // Pass 1: lay everything out, so the page count is known for "Halaman X dari Y".
        var pages = new ReportLayoutEngine(_style, _fonts, _paint).Layout(model);

        // Pass 2: draw.
        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Author = model.Author;
        document.Info.Subject = $"Data Kinerja {model.DocumentNumber}";
        document.Info.Creator = "KinerjaBot";
        if (!string.IsNullOrWhiteSpace(model.VerificationLine))
        {
            // Besides the QR code, for `verify`: an ASCII literal in the uncompressed Info dictionary, found by a byte scan
            // even in a copy too damaged for a PDF reader to open.
            document.Info.Elements.SetString(VerificationKey, model.VerificationLine);
        }

        DrawPages(document, pages, _style);
        document.Save(destination, closeStream: false);
    }

    /// <summary>Draws laid-out pages into <paramref name="document"/>; the letters use it too.</summary>
    internal static void DrawPages(PdfDocument document, IEnumerable<List<DrawOp>> pages, ReportStyle style)
    {
        using var drawing = new ReportDrawingContext();
        foreach (var ops in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(style.PageWidth);
            page.Height = XUnit.FromPoint(style.PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            foreach (var op in ops)
            {
                op.Draw(graphics, drawing);
            }
        }
    }
}
