using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Serves the DejaVu TrueType fonts to PDFsharp from a folder on disk (PDFsharp's Core build has no
/// access to system fonts on Linux). "DejaVu Sans" and "DejaVu Serif" resolve to their own faces; any
/// other family falls back to DejaVu Sans so a stray font name never breaks a report.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    /// <summary>Where Debian's fonts-dejavu-core package installs the fonts.</summary>
    public const string DefaultFontFolder = "/usr/share/fonts/truetype/dejavu";

    public const string SansFamily = "DejaVu Sans";

    public const string SerifFamily = "DejaVu Serif";

    // Face name = file name without ".ttf"; index = (bold ? 1 : 0) + (italic ? 2 : 0).
    private static readonly string[] SansFaces = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"];
    private static readonly string[] SerifFaces = ["DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"];

    private readonly ConcurrentDictionary<string, Lazy<GlyphCoverage>> _coverage = new(StringComparer.Ordinal);

    /// <summary>Checks that the folder holds every face this resolver can return.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A font file is missing from the folder.</exception>
    public DejaVuFontResolver(string fontFolder = DefaultFontFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fontFolder);
        FontFolder = Path.GetFullPath(fontFolder);
        if (!Directory.Exists(FontFolder))
        {
            throw new DirectoryNotFoundException(
                $"The DejaVu font folder '{FontFolder}' does not exist, so the PDF report cannot be drawn. " +
                "Install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core) " +
                "or point the font folder setting at a folder holding DejaVuSans.ttf and its bold/italic faces.");
        }

        foreach (var face in SansFaces.Concat(SerifFaces))
        {
            var path = PathOf(face);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The font file '{face}.ttf' is missing from the DejaVu font folder '{FontFolder}', so the PDF report " +
                    "cannot be drawn. Install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core) " +
                    "or point the font folder setting at a folder holding all DejaVu Sans and DejaVu Serif faces.",
                    path);
            }
        }
    }

    /// <summary>The absolute folder the fonts are read from.</summary>
    public string FontFolder { get; }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var faces = string.Equals(familyName, SerifFamily, StringComparison.OrdinalIgnoreCase) ? SerifFaces : SansFaces;
        return new FontResolverInfo(faces[(bold ? 1 : 0) + (italic ? 2 : 0)]);
    }

    public byte[]? GetFont(string faceName)
    {
        // PDFsharp asks once per face and process, then caches the bytes itself.
        return SansFaces.Contains(faceName) || SerifFaces.Contains(faceName) ? File.ReadAllBytes(PathOf(faceName)) : null;
    }

    /// <summary>The characters the face that <see cref="ResolveTypeface"/> picks can draw; read once per face.</summary>
    internal GlyphCoverage GetCoverage(string familyName, bool bold, bool italic)
    {
        var face = ResolveTypeface(familyName, bold, italic).FaceName;
        return _coverage.GetOrAdd(face, f => new Lazy<GlyphCoverage>(() => GlyphCoverage.FromTrueType(File.ReadAllBytes(PathOf(f))))).Value;
    }

    private string PathOf(string face) => Path.Combine(FontFolder, face + ".ttf");
}
