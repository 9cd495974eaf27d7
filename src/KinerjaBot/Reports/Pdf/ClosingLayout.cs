using System.Globalization;
using QRCoder;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Everything after the indicator table: the ↓ legend, the paraf box (one row per chain official, with a box for wet
/// initials) and, under it, the head's signature block at the right with the verification QR code at the left.
/// Measured before the table is laid out, so the table can move its last rows down with it (see
/// <see cref="ReportStyle.RowsKeptWithSignature"/>).
/// </summary>
internal sealed class ClosingLayout
{
    private static readonly CellAlignment[] ParafAlignments =
        [CellAlignment.Center, CellAlignment.Left, CellAlignment.Left, CellAlignment.Left, CellAlignment.Center];

    private const double CaptionGap = 2;
    private const double LegendGap = 3;
    private const double QrCaptionGap = 2;
    private const int QrPixelsPerModule = 8;
    private static readonly byte[] Black = [0, 0, 0];
    private static readonly byte[] White = [255, 255, 255];

    private readonly PageFlow _flow;
    private readonly List<string> _legend;
    private readonly TableGrid _parafGrid;
    private readonly List<string> _caption;
    private readonly TableRow _parafHeader;
    private readonly List<TableRow> _parafRows;
    private readonly double _parafHeight;
    private readonly SignatureLayout _signature;
    private readonly double _signatureWidth;
    private readonly byte[]? _qrPng;
    private readonly List<string> _qrCaption;

    public ClosingLayout(PageFlow flow, ReportDocumentModel model)
    {
        _flow = flow;
        var style = flow.Style;
        var fonts = flow.Fonts;
        _legend = model.Units.Any(u => u.Rows.Any(r => r.LowerIsBetter))
            ? PageFlow.Wrap(style.LowerIsBetterLegend, fonts.Legend, style.BodyWidth)
            : [];

        _parafGrid = new TableGrid(style.BodyLeft, style.BodyWidth * style.ParafBoxWidthFraction, style.ParafColumnFractions, ParafAlignments);
        _caption = PageFlow.Wrap(style.ParafCaption, fonts.ParafBold, _parafGrid.Width);
        _parafHeader = flow.BuildRow(_parafGrid, style.ParafHeaders, fonts.ParafBold, flow.Paint.HeaderFill, centerVertically: true);

        // The last cell stays empty: it is the box the official initials by hand on the printed copy.
        _parafRows = model.Parafs
            .Select((p, i) => flow.BuildRow(_parafGrid, [(i + 1).ToString(CultureInfo.InvariantCulture), p.Name, p.Position, p.SignedAt, ""], fonts.Paraf, null, centerVertically: false, style.ParafRowMinHeight))
            .ToList();
        var captionHeight = (_caption.Count * fonts.ParafBold.LineHeight) + CaptionGap;
        _parafHeight = _parafRows.Count == 0 ? 0 : captionHeight + _parafHeader.Height + _parafRows.Sum(r => r.Height);

        _signatureWidth = style.BodyWidth * style.SignatureWidthFraction;
        _signature = new SignatureLayout(flow, model.Signature, _signatureWidth);
        if (!string.IsNullOrWhiteSpace(model.VerificationLine))
        {
            // ECC level M survives a smudge or a staple hole; the quiet zone is part of the image, so it is never cropped.
            // Explicit colours make a palette PNG: PDFsharp's own PNG reader refuses the 1-bit greyscale one of the default.
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(model.VerificationLine, QRCodeGenerator.ECCLevel.M);
            using var png = new PngByteQRCode(data);
            _qrPng = png.GetGraphic(QrPixelsPerModule, Black, White, drawQuietZones: true);
            _qrCaption = PageFlow.Wrap(style.QrCaption, fonts.QrCaption, Math.Min(style.QrCaptionWidth, style.BodyWidth - _signatureWidth));
        }
        else
        {
            _qrCaption = [];
        }
    }

    /// <summary>From the table's last row to the end of the signature block, when all of it is on one page.</summary>
    public double Height => LegendHeight + _flow.Style.SpaceBeforeClosing + _parafHeight + Gap + SignatureHeight;

    private double LegendHeight => _legend.Count == 0 ? 0 : LegendGap + (_legend.Count * _flow.Fonts.Legend.LineHeight);

    private double Gap => _parafRows.Count == 0 ? 0 : _flow.Style.SpaceBetweenParafAndSignature;

    private double QrHeight => _qrPng is null ? 0 : _flow.Style.QrCodeSize + QrCaptionGap + (_qrCaption.Count * _flow.Fonts.QrCaption.LineHeight);

    private double SignatureHeight => Math.Max(_signature.Height, QrHeight);

    public void Emit()
    {
        var style = _flow.Style;
        var fonts = _flow.Fonts;

        // The legend belongs to the table: straight under its last row.
        if (_legend.Count > 0)
        {
            _flow.Y += LegendGap;
            foreach (var line in _legend)
            {
                _flow.AddText(line, fonts.Legend, _flow.Paint.Text, style.BodyLeft, style.BodyWidth, CellAlignment.Left, _flow.Y);
                _flow.Y += fonts.Legend.LineHeight;
            }
        }

        // The paraf box, then the signature block under it: together on one page. The table has already moved its
        // last rows down when this would not fit; a new page here happens only when the block alone exceeds a page.
        var space = style.SpaceBeforeClosing;
        if (space + _parafHeight + Gap + SignatureHeight > _flow.Remaining)
        {
            _flow.StartPage();
            space = 0;
        }

        _flow.Y += space;
        if (_parafRows.Count > 0)
        {
            foreach (var line in _caption)
            {
                _flow.AddText(line, fonts.ParafBold, _flow.Paint.Text, _parafGrid.Left, _parafGrid.Width, CellAlignment.Left, _flow.Y);
                _flow.Y += fonts.ParafBold.LineHeight;
            }

            _flow.Y += CaptionGap;
            _flow.EmitRow(_parafGrid, _parafHeader, 0, _parafHeader.LineCount);
            foreach (var row in _parafRows)
            {
                // Row by row: only a box taller than a page (unusual) flows over pages.
                if (row.Height > _flow.Remaining)
                {
                    _flow.StartPage();
                    _flow.EmitRow(_parafGrid, _parafHeader, 0, _parafHeader.LineCount);
                }

                _flow.EmitRow(_parafGrid, row, 0, row.LineCount);
            }
        }

        var gap = Gap;
        if (gap + SignatureHeight > _flow.Remaining)
        {
            _flow.StartPage();
            gap = 0;
        }

        _flow.Y += gap;
        var top = _flow.Y;
        EmitQrCode(top);
        _signature.Emit(_flow.Style.BodyRight - _signatureWidth, top);
        _flow.Y = top + SignatureHeight;
    }

    private void EmitQrCode(double top)
    {
        if (_qrPng is null)
        {
            return;
        }

        var style = _flow.Style;
        var size = style.QrCodeSize;
        _flow.Add(new PngImageOp(_qrPng, new PdfSharp.Drawing.XRect(style.BodyLeft, top, size, size)));
        var y = top + size + QrCaptionGap;
        foreach (var line in _qrCaption)
        {
            _flow.AddText(line, _flow.Fonts.QrCaption, _flow.Paint.Footer, style.BodyLeft, style.QrCaptionWidth, CellAlignment.Left, y);
            y += _flow.Fonts.QrCaption.LineHeight;
        }
    }
}
