using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>
/// The "Laporan Hasil Pengukuran Kinerja" of a year or a semester (SOP Pengukuran Kinerja, seed 003-B): capaian per
/// indicator from that period's verified data, then per sasaran and tujuan the average of their indicators' capaian (each capped at
/// office.yaml's <c>capaian_cap</c>) with its rating band; indicators below target flagged with the unit's note; the same
/// period's realisasi a year earlier beside it; and a chart per sasaran of its capaian per quarter. Printed by the same renderer as
/// the data report.
/// </summary>
public sealed class MeasurementReportBuilder(OfficeConfiguration office, RatingBands ratings)
{
    private const string NoSasaran = "Indikator tanpa sasaran";

    public async Task<ReportDocumentModel> BuildAsync(StoreTransaction transaction, WorkflowInstance measurement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = Period.Parse(measurement.PeriodId);
        var lastYear = year.Kind == PeriodKind.Semester ? Period.Semester(year.Year - 1, year.Index) : Period.OfYear(year.Year - 1);
        var rows = new List<(Indicator Indicator, decimal? Capaian, ReportRow Row)>();
        var hash = new StringBuilder($"{office.Office.Id}|pengukuran|{year.Id}|{measurement.Revision}\n");
        var number = 1;
        foreach (var indicator in office.Indicators.Where(i => i.IsAskedIn(year)))
        {
            var value = (await VerifiedUnitValues.FindAsync(transaction, year.Id, indicator.UnitId, cancellationToken))?.GetValueOrDefault(indicator.Code);
            var previous = (await VerifiedUnitValues.FindAsync(transaction, lastYear.Id, indicator.UnitId, cancellationToken))?.GetValueOrDefault(indicator.Code);
            var target = indicator.TargetFor(year);
            var capaian = IndicatorReportRow.Achievement(indicator, target, value);
            var remark = capaian < 100m ? $"Di bawah target. {value?.Note}".Trim() : null;
            var row = IndicatorReportRow.Create(number++, indicator, target, value, ratings, remark) with
            {
                Breakdown = [previous is null ? IndonesianFormat.NoValue : IndonesianFormat.Number(previous.Value)],
            };
            rows.Add((indicator, Capped(capaian), row));
            hash.Append(IndicatorReportRow.HashLine(indicator, value));
        }

        var sections = new List<ReportUnitSection>();
        var tujuanAverages = rows.Where(r => r.Indicator.Structure.Tujuan is not null)
            .GroupBy(r => r.Indicator.Structure.Tujuan!)
            .ToDictionary(g => g.Key, g => Average(g.GroupBy(r => r.Indicator.Structure.Sasaran).Select(s => Average(s.Select(r => r.Capaian)))), StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => r.Indicator.Structure.Sasaran ?? NoSasaran))
        {
            var capaian = Average(group.Select(r => r.Capaian));
            var tujuan = group.First().Indicator.Structure.Tujuan;
            var name = group.Key == NoSasaran ? NoSasaran : $"Sasaran: {group.Key} — capaian {Describe(capaian)}";
            if (tujuan is not null)
            {
                name = $"Tujuan: {tujuan} — capaian {Describe(tujuanAverages[tujuan])} · {name}";
            }

            sections.Add(new ReportUnitSection { UnitName = name, Rows = group.Select(r => r.Row).ToList() });
        }

        var audit = await transaction.Audit.ForInstanceAsync(measurement.Id, cancellationToken);
        var prepared = audit.LastOrDefault(a => a.Trigger == WorkflowTrigger.Submit);
        var checkedBy = audit.LastOrDefault(a => a.Trigger == WorkflowTrigger.Approve && (prepared is null || a.AtUtc >= prepared.AtUtc));
        ParafRecord Paraf(string officialId, AuditEntry? entry) => new()
        {
            Name = office.Official(officialId).Name,
            Position = office.Official(officialId).Position,
            SignedAt = entry is null ? string.Empty : IndonesianFormat.DateTime(entry.AtUtc, office.Office.TimeZone),
        };

        var documentNumber = $"{office.Office.Id.ToUpperInvariant()}/PENGUKURAN-{year.Id}/REV-{measurement.Revision}";
        return new ReportDocumentModel
        {
            Letterhead = OfficeDocumentParts.Letterhead(office),
            Title = $"LAPORAN HASIL PENGUKURAN KINERJA {office.Office.Name.ToUpperInvariant()} {year.DisplayName.ToUpperInvariant()}",
            DocumentNumber = documentNumber,
            DataHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString()))),
            RevisionLabel = measurement.Revision > 1 ? $"Revisi ke-{measurement.Revision}" : null,
            Units = sections,
            BreakdownHeaders = [$"Real. {lastYear.Id}"],
            Charts = await SasaranCharts.BuildAsync(transaction, office, year, cancellationToken),
            PeriodId = year.Id,
            Parafs = [Paraf(office.Roles.PlanningId, prepared), Paraf(office.Roles.SecretaryId, checkedBy)],
            Signature = OfficeDocumentParts.HeadSignature(office, checkedBy?.AtUtc ?? now),
            Author = office.Office.Name,
        };
    }

    private decimal? Capped(decimal? capaian) => capaian is { } c ? Math.Min(c, office.CapaianCap) : null;

    private static decimal? Average(IEnumerable<decimal?> values)
    {
        var known = values.OfType<decimal>().ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), IndonesianFormat.ComputedDecimals);
    }

    private string Describe(decimal? capaian) =>
        capaian is null ? IndonesianFormat.NoValue : $"{IndonesianFormat.Percent(capaian)} % ({ratings.Rate(capaian)!.Label})";
}
