using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>One PDFsharp measure context shared by a renderer's fonts; XGraphics is not thread-safe, hence the lock.</summary>
internal sealed class TextMeasurer
{
    private readonly Lock _gate = new();
    private readonly XGraphics _context = XGraphics.CreateMeasureContext(
        new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);

    public double Measure(string text, XFont font)
    {
        lock (_gate)
        {
            return _context.MeasureString(text, font).Width;
        }
    }
}
