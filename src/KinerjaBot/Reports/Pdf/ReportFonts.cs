using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KinerjaBot.Reports.Pdf;

/// <summary>The fonts of one renderer, created once (XFont creation and width caches are not free).</summary>
internal sealed class ReportFonts
{
    public ReportFonts(ReportStyle style, DejaVuFontResolver resolver)
    {
        var measurer = new TextMeasurer();
        // Unicode encoding: Indonesian text is mostly Latin-1, but names, the en dash in "–" and user
        // remarks may carry any character, and it gives the PDF a ToUnicode map for copy/paste.
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);

        MeasuredFont Make(string family, double size, bool bold) => new(
            measurer,
            new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options),
            resolver.GetCoverage(family, bold, italic: false),
            style.MissingGlyphReplacement);

        GovernmentLine = Make(style.LetterheadFontFamily, style.GovernmentLineSize, bold: false);
        OfficeName = Make(style.LetterheadFontFamily, style.OfficeNameSize, bold: true);
        Address = Make(style.LetterheadFontFamily, style.AddressSize, bold: false);
        Title = Make(style.FontFamily, style.TitleSize, bold: true);
        Subtitle = Make(style.FontFamily, style.SubtitleSize, bold: false);
        TableHeader = Make(style.FontFamily, style.TableHeaderSize, bold: true);
        TableBody = Make(style.FontFamily, style.TableBodySize, bold: false);
        TableBodyBold = Make(style.FontFamily, style.TableBodySize, bold: true);
        Paraf = Make(style.FontFamily, style.ParafSize, bold: false);
        ParafBold = Make(style.FontFamily, style.ParafSize, bold: true);
        Signature = Make(style.FontFamily, style.SignatureSize, bold: false);
        SignatureBold = Make(style.FontFamily, style.SignatureSize, bold: true);
        Footer = Make(style.FontFamily, style.FooterSize, bold: false);
        Legend = Make(style.FontFamily, style.LegendSize, bold: false);
        QrCaption = Make(style.FontFamily, style.QrCaptionSize, bold: false);
    }

    public MeasuredFont GovernmentLine { get; }
    public MeasuredFont OfficeName { get; }
    public MeasuredFont Address { get; }
    public MeasuredFont Title { get; }
    public MeasuredFont Subtitle { get; }
    public MeasuredFont TableHeader { get; }
    public MeasuredFont TableBody { get; }
    public MeasuredFont TableBodyBold { get; }
    public MeasuredFont Paraf { get; }
    public MeasuredFont ParafBold { get; }
    public MeasuredFont Signature { get; }
    public MeasuredFont SignatureBold { get; }
    public MeasuredFont Footer { get; }
    public MeasuredFont Legend { get; }
    public MeasuredFont QrCaption { get; }
}
