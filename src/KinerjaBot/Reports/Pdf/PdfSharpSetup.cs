using PdfSharp.Fonts;

namespace KinerjaBot.Reports.Pdf;

/// <summary>One-time, process-wide PDFsharp configuration: the DejaVu font resolver.</summary>
public static class PdfSharpSetup
{
    // The project's one piece of static mutable state, on purpose: PDFsharp's
    // GlobalFontSettings.FontResolver is process-global and may be set only once, before any font is
    // used. Renderers are created from many places (the host, parallel tests, benchmarks), so the
    // first caller installs and everyone after gets the same resolver; the lock makes concurrent
    // first calls safe.
    private static readonly Lock Gate = new();
    private static DejaVuFontResolver? _installed;

    /// <summary>
    /// Installs a <see cref="DejaVuFontResolver"/> over
    /// <paramref name="fontFolder"/>, once per process. Later calls with the same folder return the
    /// installed resolver.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The font folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A DejaVu face is missing from the folder.</exception>
    /// <exception cref="InvalidOperationException">
    /// Fonts were already set up from another folder, or by code other than this class.
    /// </exception>
    public static DejaVuFontResolver EnsureInitialized(string fontFolder = DejaVuFontResolver.DefaultFontFolder)
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                if (!string.Equals(_installed.FontFolder, Path.GetFullPath(fontFolder), StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"PDFsharp fonts are already set up from '{_installed.FontFolder}'; they cannot be switched to " +
                        $"'{fontFolder}' because PDFsharp's font settings are process-wide. Use one font folder per process.");
                }

                return _installed;
            }

            // Validate the folder before touching any global state, so a bad folder leaves PDFsharp untouched.
            var resolver = new DejaVuFontResolver(fontFolder);
            if (GlobalFontSettings.FontResolver is not null)
            {
                throw new InvalidOperationException(
                    "A PDFsharp font resolver was installed by other code; call PdfSharpSetup.EnsureInitialized instead.");
            }

            GlobalFontSettings.FontResolver = resolver;
            _installed = resolver;
            return resolver;
        }
    }
}
