using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>What draw operations share while one document is drawn: images, loaded once.</summary>
internal sealed class ReportDrawingContext : IDisposable
{
    private readonly Dictionary<string, XImage> _images = new(StringComparer.Ordinal);

    public XImage Image(string path)
    {
        if (!_images.TryGetValue(path, out var image))
        {
            image = XImage.FromFile(path);
            _images[path] = image;
        }

        return image;
    }

    public void Dispose()
    {
        foreach (var image in _images.Values)
        {
            image.Dispose();
        }

        _images.Clear();
    }
}
