using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// One positioned drawing instruction. Layout produces these per page before anything is drawn, so the
/// page count is known when the footers ("Halaman X dari Y") are written.
/// </summary>
internal abstract record DrawOp
{
    public abstract void Draw(XGraphics graphics, ReportDrawingContext context);
}

/// <summary>Text whose top-left corner is at (X, Y).</summary>
internal sealed record TextOp(string Text, XFont Font, XBrush Brush, double X, double Y) : DrawOp
{
    public override void Draw(XGraphics graphics, ReportDrawingContext context) =>
        graphics.DrawString(Text, Font, Brush, X, Y, XStringFormats.TopLeft);
}

internal sealed record LineOp(XPen Pen, double X1, double Y1, double X2, double Y2) : DrawOp
{
    public override void Draw(XGraphics graphics, ReportDrawingContext context) => graphics.DrawLine(Pen, X1, Y1, X2, Y2);
}

internal sealed record RectOp(XPen? Pen, XBrush? Fill, XRect Rect) : DrawOp
{
    public override void Draw(XGraphics graphics, ReportDrawingContext context)
    {
        if (Fill is not null && Pen is not null)
        {
            graphics.DrawRectangle(Pen, Fill, Rect);
        }
        else if (Fill is not null)
        {
            graphics.DrawRectangle(Fill, Rect);
        }
        else if (Pen is not null)
        {
            graphics.DrawRectangle(Pen, Rect);
        }
    }
}

internal sealed record ImageOp(string Path, XRect Rect) : DrawOp
{
    public override void Draw(XGraphics graphics, ReportDrawingContext context) =>
        graphics.DrawImage(context.Image(Path), Rect);
}

/// <summary>An image held in memory (the verification QR code), drawn without interpolation so its modules stay sharp.</summary>
internal sealed record PngImageOp(byte[] Png, XRect Rect) : DrawOp
{
    public override void Draw(XGraphics graphics, ReportDrawingContext context)
    {
        var image = context.Image(Png);
        image.Interpolate = false;
        graphics.DrawImage(image, Rect);
    }
}
