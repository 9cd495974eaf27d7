namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// The head's signature block: place and date, jabatan, the space for the wet signature, the name bold and underlined,
/// pangkat and NIP, each centred in the block's width. The report and the letters print the same one.
/// </summary>
internal sealed class SignatureLayout
{
    private readonly PageFlow _flow;
    private readonly double _width;
    private readonly List<(string Text, MeasuredFont Font, bool Underline, double Space)> _lines = [];

    public SignatureLayout(PageFlow flow, SignatureBlock signature, double width)
    {
        _flow = flow;
        _width = width;
        var fonts = flow.Fonts;
        Add(signature.PlaceAndDate, fonts.Signature);
        Add(signature.Position, fonts.Signature);
        _lines.Add(("", fonts.Signature, false, flow.Style.SignatureSpace));
        Add(signature.Name, fonts.SignatureBold, underline: true);
        Add(signature.Rank, fonts.Signature);
        Add($"NIP. {signature.Nip}", fonts.Signature);
    }

    public double Height => _lines.Sum(l => l.Space);

    /// <summary>Draws the block with its top-left corner at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public void Emit(double left, double top)
    {
        var y = top;
        foreach (var (text, font, underline, space) in _lines)
        {
            if (text.Length > 0)
            {
                var x = PageFlow.Align(text, font, left, _width, CellAlignment.Center);
                _flow.Add(new TextOp(text, font.Font, _flow.Paint.Text, x, y));
                if (underline)
                {
                    var underlineY = y + font.Ascent + 1.5;
                    _flow.Add(new LineOp(_flow.Paint.Underline, x, underlineY, x + font.Width(text), underlineY));
                }
            }

            y += space;
        }
    }

    private void Add(string text, MeasuredFont font, bool underline = false)
    {
        foreach (var line in PageFlow.Wrap(text, font, _width))
        {
            _lines.Add((line, font, underline, font.LineHeight));
        }
    }
}
