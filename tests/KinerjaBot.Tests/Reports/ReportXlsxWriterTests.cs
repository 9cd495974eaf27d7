using KinerjaBot.Reports;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Tests.Reports.Pdf;
using MiniExcelLibs;

namespace KinerjaBot.Tests.Reports;

public sealed class ReportXlsxWriterTests
{
    [Fact]
    public void The_workbook_reads_back_with_the_upload_columns_and_numbers_as_numbers()
    {
        var row = ReportSamples.Row(1) with { Data = new ReportRowData("IK-5.3", "Jumlah dokumen arsip yang didigitalkan", "dokumen", 150m, 145m, 96.6666m, "dua hari listrik padam") };
        var model = ReportSamples.Create(1) with { PeriodId = "2026-TW3", Units = [new ReportUnitSection { UnitName = "Subbagian Umum", Rows = [row] }] };

        using var stream = new MemoryStream(ReportXlsxWriter.Write(model));
        var rows = stream.Query(useHeaderRow: true, sheetName: "2026-TW3").Cast<IDictionary<string, object>>().ToList();

        var read = Assert.Single(rows);
        Assert.Equal(["Kode Indikator", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Keterangan"], read.Keys);
        Assert.Equal("IK-5.3", read["Kode Indikator"]);
        Assert.Equal(150d, Assert.IsType<double>(read["Target"]));
        Assert.Equal(145d, Assert.IsType<double>(read["Realisasi"]));
        Assert.Equal(96.67d, Assert.IsType<double>(read["Capaian (%)"]), 6);
        Assert.Equal("dua hari listrik padam", read["Keterangan"]);
    }

    [Fact]
    public void A_semester_workbook_has_one_sheet_per_period_the_semester_first()
    {
        var data = new ReportRowData("IK-5.3", "Jumlah dokumen", "dokumen", 300m, 290m, 96.67m, "");
        var model = ReportSamples.Create(1) with
        {
            PeriodId = "2026-S1",
            Units = [new ReportUnitSection { UnitName = "Subbagian Umum", Rows = [ReportSamples.Row(1) with { Data = data }] }],
            BreakdownPeriods = [new ReportPeriodData("2026-TW1", [data with { Target = 150m, Realisation = 140m }]), new ReportPeriodData("2026-TW2", [data with { Target = 150m, Realisation = 150m }])],
        };

        using var stream = new MemoryStream(ReportXlsxWriter.Write(model));

        Assert.Equal(["2026-S1", "2026-TW1", "2026-TW2"], stream.GetSheetNames());
        var firstQuarter = stream.Query(useHeaderRow: true, sheetName: "2026-TW1").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(140d, firstQuarter["Realisasi"]);
    }
}
