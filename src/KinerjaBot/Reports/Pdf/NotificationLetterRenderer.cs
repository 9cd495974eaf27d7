using System.Globalization;
using PdfSharp.Pdf;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Draws the "Surat Pemberitahuan" (A4 portrait) from a <see cref="NotificationLetterModel"/>, with the same kop surat,
/// fonts and signature block as the report (<see cref="LetterheadLayout"/>, <see cref="SignatureLayout"/>). Thread-safe.
/// </summary>
public sealed class NotificationLetterRenderer
{
    private const double LabelWidth = 62;
    private const double ParagraphGap = 6;

    private readonly ReportStyle _style;
    private readonly ReportFonts _fonts;
    private readonly ReportPaint _paint;

    public NotificationLetterRenderer(ReportStyle? style = null, string fontFolder = DejaVuFontResolver.DefaultFontFolder)
    {
        var resolver = PdfSharpSetup.EnsureInitialized(fontFolder);
        _style = style ?? ReportStyle.Default;
        _fonts = new ReportFonts(_style, resolver);
        _paint = new ReportPaint(_style);
    }

    public byte[] Render(NotificationLetterModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var flow = new PageFlow(_style, _fonts, _paint);
        flow.StartPage();
        LetterheadLayout.Emit(flow, model.Letterhead);
        var font = _fonts.Signature;
        var left = _style.BodyLeft;
        var width = _style.BodyWidth;

        Lines(flow, model.PlaceAndDate, font, left, width, CellAlignment.Right);
        flow.Y += ParagraphGap;
        foreach (var (label, value) in new[] { ("Nomor", model.Number), ("Sifat", model.Sifat), ("Lampiran", model.Lampiran), ("Perihal", model.Perihal) })
        {
            NewPageIfFull(flow, font.LineHeight);
            var top = flow.Y;
            flow.AddText(label, font, _paint.Text, left, LabelWidth, CellAlignment.Left, top);
            flow.AddText(":", font, _paint.Text, left + LabelWidth, 8, CellAlignment.Left, top);
            Lines(flow, value, label == "Perihal" ? _fonts.SignatureBold : font, left + LabelWidth + 10, width - LabelWidth - 10, CellAlignment.Left);
        }

        flow.Y += ParagraphGap * 2;
        Lines(flow, "Kepada Yth.", font, left, width, CellAlignment.Left);
        for (var index = 0; index < model.Recipients.Count; index++)
        {
            var number = (index + 1).ToString(CultureInfo.InvariantCulture) + ".";
            NewPageIfFull(flow, font.LineHeight);
            flow.AddText(number, font, _paint.Text, left + 12, 18, CellAlignment.Left, flow.Y);
            Lines(flow, model.Recipients[index], font, left + 30, width - 30, CellAlignment.Left);
        }

        Lines(flow, "di Tempat", font, left, width, CellAlignment.Left);
        flow.Y += ParagraphGap * 2;
        foreach (var paragraph in model.Paragraphs)
        {
            Lines(flow, paragraph, font, left, width, CellAlignment.Left);
            flow.Y += ParagraphGap;
        }

        var signatureWidth = width * _style.SignatureWidthFraction;
        var signature = new SignatureLayout(flow, model.Signature, signatureWidth);
        flow.Y += _style.SpaceBeforeClosing;
        NewPageIfFull(flow, signature.Height);
        signature.Emit(_style.BodyRight - signatureWidth, flow.Y);

        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Author = model.Author;
        document.Info.Subject = $"Surat Pemberitahuan {model.Number}";
        document.Info.Creator = "KinerjaBot";
        ReportPdfRenderer.DrawPages(document, flow.Pages, _style);
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }

    private static void Lines(PageFlow flow, string text, MeasuredFont font, double left, double width, CellAlignment alignment)
    {
        foreach (var line in PageFlow.Wrap(text, font, width))
        {
            NewPageIfFull(flow, font.LineHeight);
            flow.AddText(line, font, flow.Paint.Text, left, width, alignment, flow.Y);
            flow.Y += font.LineHeight;
        }
    }

    private static void NewPageIfFull(PageFlow flow, double height)
    {
        if (height > flow.Remaining)
        {
            flow.StartPage();
        }
    }
}
