using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>What draw operations share while one document is drawn: images, loaded once.</summary>
internal sealed class ReportDrawingContext : IDisposable
{
    private readonly Dictionary<string, XImage> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<byte[], XImage> _inMemory = new(ReferenceEqualityComparer.Instance);

    public XImage Image(string path)
    {
        if (!_images.TryGetValue(path, out var image))
        {
            image = XImage.FromFile(path);
            _images[path] = image;
        }

        return image;
    }

    /// <summary>An image from bytes; kept (and its stream open) until the document is saved.</summary>
    public XImage Image(byte[] png)
    {
        if (!_inMemory.TryGetValue(png, out var image))
        {
            image = XImage.FromStream(new MemoryStream(png, writable: false));
            _inMemory[png] = image;
        }

        return image;
    }

    public void Dispose()
    {
        foreach (var image in _images.Values.Concat(_inMemory.Values))
        {
            image.Dispose();
        }

        _images.Clear();
        _inMemory.Clear();
    }
}
