using KinerjaBot.Hosting;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Hosting;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_demo_plays_a_whole_period_and_prints_the_path_of_the_signed_pdf()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await KinerjaBotApp.RunAsync(["demo", _temp.Combine("demo-data"), "--KinerjaBot:ConfigDirectory=" + RepositoryPaths.SampleConfig], output, error);

        Assert.True(exit == 0, $"demo exited {exit}: {error}");
        var transcript = output.ToString();
        Assert.Contains("\"tujuh puluh\" → Indikator IKU-1 (satuan %): Maaf", transcript);
        Assert.Contains("[Ubah IKU-1]", transcript);
        Assert.Contains("[Kembalikan]", transcript);
        Assert.Contains("[Perbaiki]", transcript);
        Assert.Contains("[Tandatangani]", transcript);
        var pdfPath = transcript.Split('\n').Single(l => l.StartsWith("Final PDF: ", StringComparison.Ordinal))["Final PDF: ".Length..].Trim();
        Assert.StartsWith(_temp.Combine("demo-data"), pdfPath);
        var text = string.Join("\n", PdfText.Pages(await File.ReadAllBytesAsync(pdfPath)));
        Assert.Contains("DATA KINERJA KECAMATAN SUKAMAJU TRIWULAN III 2026", text);
        Assert.Contains("Drs. Bagus Wicaksono, M.Si.", text);
    }
}
