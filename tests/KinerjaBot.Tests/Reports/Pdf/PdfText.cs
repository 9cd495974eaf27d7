using System.ComponentModel;
using System.Diagnostics;

namespace KinerjaBot.Tests.Reports.Pdf;

/// <summary>Reads a PDF back as text with poppler's pdftotext, one string per page.</summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kinerjabot-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var text = Run("pdftotext", "-layout", "-enc", "UTF-8", path, "-");
            // pdftotext ends every page with a form feed.
            var pages = text.Split('\f').ToList();
            if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
            {
                pages.RemoveAt(pages.Count - 1);
            }

            return pages;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail(
                $"'{tool}' is not installed, and the PDF tests read the report back with it. Install the Debian " +
                $"package poppler-utils (apt-get install -y poppler-utils). ({e.Message})");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed with exit code {process.ExitCode}: {stderr.Result}");
            return stdout;
        }
    }
}
