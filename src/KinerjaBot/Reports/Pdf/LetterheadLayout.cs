using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// The kop surat at the top of the first page: the optional logo at the left, the government line, the office name and
/// the address centred, then a thick and a thin rule. The report and the letters print the same one.
/// </summary>
internal static class LetterheadLayout
{
    public static void Emit(PageFlow flow, ReportLetterhead letterhead)
    {
        var style = flow.Style;
        var fonts = flow.Fonts;
        var paint = flow.Paint;
        var top = flow.Y;
        var logoWidth = 0.0;
        var logoHeight = 0.0;
        if (!string.IsNullOrWhiteSpace(letterhead.LogoPath))
        {
            logoHeight = style.LogoHeight;
            logoWidth = logoHeight * LogoAspectRatio(letterhead.LogoPath);
            flow.Add(new ImageOp(letterhead.LogoPath, new XRect(style.BodyLeft, top, logoWidth, logoHeight)));
        }

        // The text is centred on the page, so it keeps clear of the logo on both sides.
        var inset = logoWidth > 0 ? logoWidth + style.LogoGap : 0;
        var left = style.BodyLeft + inset;
        var width = style.BodyWidth - (2 * inset);
        var blocks = new[]
        {
            (Font: fonts.GovernmentLine, Lines: PageFlow.Wrap(letterhead.GovernmentLine, fonts.GovernmentLine, width)),
            (Font: fonts.OfficeName, Lines: PageFlow.Wrap(letterhead.OfficeName, fonts.OfficeName, width)),
            (Font: fonts.Address, Lines: PageFlow.Wrap(letterhead.Address, fonts.Address, width)),
        };
        var textHeight = blocks.Sum(b => b.Lines.Count * b.Font.LineHeight);
        var y = top + Math.Max(0, (logoHeight - textHeight) / 2);
        foreach (var (font, lines) in blocks)
        {
            foreach (var line in lines)
            {
                flow.AddText(line, font, paint.Text, left, width, CellAlignment.Center, y);
                y += font.LineHeight;
            }
        }

        // Kop surat: a thick rule with a thin one under it, across the whole body width.
        var ruleY = Math.Max(y, top + logoHeight) + 4 + (style.LetterheadThickRule / 2);
        flow.Add(new LineOp(paint.ThickRule, style.BodyLeft, ruleY, style.BodyRight, ruleY));
        var thinY = ruleY + (style.LetterheadThickRule / 2) + style.LetterheadRuleGap + (style.LetterheadThinRule / 2);
        flow.Add(new LineOp(paint.ThinRule, style.BodyLeft, thinY, style.BodyRight, thinY));
        flow.Y = thinY + style.SpaceAfterLetterhead;
    }

    private static double LogoAspectRatio(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The letterhead logo '{path}' does not exist.", path);
        }

        using var image = XImage.FromFile(path);
        return image.PixelHeight == 0 ? 1 : (double)image.PixelWidth / image.PixelHeight;
    }
}
