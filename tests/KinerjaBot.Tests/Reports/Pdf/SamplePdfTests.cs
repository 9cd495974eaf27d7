using KinerjaBot.Reports.Pdf;

namespace KinerjaBot.Tests.Reports.Pdf;

public class SamplePdfTests
{
    [Fact(Skip = "Writes a sample PDF for a person to look at; run manually")]
    public void Writes_a_sample_report_for_a_person_to_look_at()
    {
        var path = Environment.GetEnvironmentVariable("KINERJABOT_SAMPLE_PDF")
            ?? Path.Combine(Path.GetTempPath(), "kinerjabot-sample.pdf");
        var count = int.TryParse(Environment.GetEnvironmentVariable("KINERJABOT_SAMPLE_ROWS"), out var n) ? n : 40;
        File.WriteAllBytes(path, new ReportPdfRenderer().Render(ReportSamples.Create(count)));
        Assert.True(File.Exists(path), path);
    }
}
