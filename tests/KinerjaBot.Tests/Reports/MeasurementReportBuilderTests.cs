using KinerjaBot.Domain;
using KinerjaBot.Reports;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Reports;

/// <summary>The measurement's figures from verified data: per sasaran, the capped mean with its band; the quarter bars.</summary>
public sealed class MeasurementReportBuilderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 3, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_sasaran_averages_its_indicators_capped_at_120_and_an_indicator_below_target_is_flagged_with_the_units_note()
    {
        var store = KinerjaStore.Open(_data.Path, TimeProvider.System);
        await using var transaction = await store.BeginAsync(default);

        // Trantib's year (mean of 50, 120 and 100 = 90): IKU-2 at 50 of 100 (50 %), IK-2.1 at 0 of 36 lower-is-better (200 %, capped to 120), IK-2.2 at 96 of 96.
        await VerifiedAsync(transaction, "2026", "trantib", ("IKU-2", 50m, "dua razia batal karena banjir"), ("IK-2.1", 0m, null), ("IK-2.2", 96m, null));
        await VerifiedAsync(transaction, "2026-TW1", "trantib", ("IKU-2", 20m, null), ("IK-2.1", 10m, null), ("IK-2.2", 12m, null));
        var measurement = await transaction.Workflows.CreateAsync(WorkflowKind.Measurement, "2026", null, MeasurementWorkflow.Preparing, Now, default);

        var model = await new MeasurementReportBuilder(SampleOffice.Configuration, RatingBands.Default).BuildAsync(transaction, measurement, Now, default);

        var trantib = model.Units.Single(u => u.UnitName.Contains("Sasaran: Meningkatnya ketenteraman dan ketertiban umum", StringComparison.Ordinal));
        Assert.EndsWith("Sasaran: Meningkatnya ketenteraman dan ketertiban umum — capaian 90 % (Baik)", trantib.UnitName);
        var iku2 = trantib.Rows.Single(r => r.IndicatorName.StartsWith("IKU-2 ", StringComparison.Ordinal));
        Assert.Equal(("50", "Sangat Kurang", "Di bawah target. dua razia batal karena banjir"), (iku2.Achievement, iku2.Rating, iku2.Remark));
        Assert.Equal("200", trantib.Rows.Single(r => r.IndicatorName.StartsWith("IK-2.1 ", StringComparison.Ordinal)).Achievement);

        // TW I: IKU-2 20/20 = 100, IK-2.1 10/10 lower = 100, IK-2.2 12/24 = 50 → 83,33; the other quarters have no data.
        var chart = model.Charts.Single(c => c.Title == "Sasaran: Meningkatnya ketenteraman dan ketertiban umum");
        Assert.Equal(["TW I", "TW II", "TW III", "TW IV"], chart.Labels);
        Assert.Equal([83.33m, null, null, null], chart.Values);
    }

    [Fact]
    public async Task A_semester_measurement_covers_its_own_indicators_and_puts_the_same_semester_a_year_earlier_beside_them()
    {
        var store = KinerjaStore.Open(_data.Path, TimeProvider.System);
        await using var transaction = await store.BeginAsync(default);
        await VerifiedAsync(transaction, "2026-S1", "umum", ("IK-5.1", 95m, null), ("IK-5.2", 76m, "survei baru separuh kelurahan"), ("IK-5.3", 300m, null));
        await VerifiedAsync(transaction, "2025-S1", "umum", ("IK-5.2", 74.5m, null));
        var measurement = await transaction.Workflows.CreateAsync(WorkflowKind.Measurement, "2026-S1", null, MeasurementWorkflow.Preparing, Now, default);

        var model = await new MeasurementReportBuilder(SampleOffice.Configuration, RatingBands.Default).BuildAsync(transaction, measurement, Now, default);

        Assert.Equal("LAPORAN HASIL PENGUKURAN KINERJA KECAMATAN SUKAMAJU SEMESTER I 2026", model.Title);
        Assert.Equal(["Real. 2025-S1"], model.BreakdownHeaders);
        var ikm = Assert.Single(model.Units).Rows.Single(r => r.IndicatorName.StartsWith("IK-5.2 ", StringComparison.Ordinal));
        Assert.Equal(["74,5"], ikm.Breakdown);
        Assert.Equal(("95", "Di bawah target. survei baru separuh kelurahan"), (ikm.Achievement, ikm.Remark));
        Assert.Equal(["TW I", "TW II"], Assert.Single(model.Charts).Labels);
    }

    private static async Task VerifiedAsync(StoreTransaction transaction, string periodId, string unitId, params (string Code, decimal Value, string? Note)[] values)
    {
        await transaction.Periods.TryOpenAsync(new OpenedPeriod(periodId, Now, "staf-pk", Now.AddDays(3)), default);
        var submission = await transaction.Workflows.CreateAsync(WorkflowKind.UnitSubmission, periodId, unitId, UnitSubmissionWorkflow.Verified, Now, default);
        foreach (var (code, value, note) in values)
        {
            await transaction.Values.AppendAsync(submission.Id, new StoredValue(code, 1, value, note, null, "kasi-trantib", Now), default);
        }
    }
}
