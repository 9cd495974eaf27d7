using System.Text;
using KinerjaBot.Reports;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Tests.Reports.Pdf;

namespace KinerjaBot.Tests.Reports;

public sealed class ReportCsvWriterTests
{
    [Fact]
    public void Every_indicator_becomes_one_line_with_the_values_as_printed_in_the_pdf()
    {
        var model = ReportSamples.Create(20);

        var lines = Encoding.UTF8.GetString(ReportCsvWriter.Write(model)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(21, lines.Length);
        var first = model.Units[0].Rows[0];
        Assert.Equal(string.Join(';', first.Number, model.Units[0].UnitName, first.IndicatorName, first.Measure, first.Target, first.Realisation, first.Achievement, first.Remark), lines[1]);
    }

    [Fact]
    public void Semicolons_quotes_and_line_breaks_in_a_field_are_quoted_so_the_columns_stay_put()
    {
        var row = ReportSamples.Row(1) with { IndicatorName = "Razia \"PKL\"; pasar", Remark = "baris 1\nbaris 2" };
        var model = ReportSamples.Create(1) with { Units = [new ReportUnitSection { UnitName = "Seksi A", Rows = [row] }] };

        var csv = Encoding.UTF8.GetString(ReportCsvWriter.Write(model));

        Assert.Contains(";\"Razia \"\"PKL\"\"; pasar\";", csv);
        Assert.Contains(";\"baris 1\nbaris 2\"\r\n", csv);
    }
}
