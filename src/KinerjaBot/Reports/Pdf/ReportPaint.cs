using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>Pens and brushes derived once from a <see cref="ReportStyle"/>; never mutated after construction.</summary>
internal sealed class ReportPaint(ReportStyle style)
{
    public XBrush Text { get; } = new XSolidBrush(style.TextColor);
    public XBrush Footer { get; } = new XSolidBrush(style.FooterColor);
    public XBrush HeaderFill { get; } = new XSolidBrush(style.HeaderFill);
    public XBrush UnitRowFill { get; } = new XSolidBrush(style.UnitRowFill);
    public XPen TableLine { get; } = new(style.RuleColor, style.TableLineWidth);
    public XPen ThickRule { get; } = new(style.RuleColor, style.LetterheadThickRule);
    public XPen ThinRule { get; } = new(style.RuleColor, style.LetterheadThinRule);
    public XPen FooterRule { get; } = new(style.FooterColor, 0.4);
    public XPen Underline { get; } = new(style.TextColor, 0.7);
}
