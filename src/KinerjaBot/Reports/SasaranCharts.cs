using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;

namespace KinerjaBot.Reports;

/// <summary>
/// One chart per sasaran of a year or semester: per quarter, the mean capaian of the sasaran's indicators from the verified
/// quarters (each capped like the measurement's figures), "–" for a quarter with none. Used by the annual data report
/// and the measurement report alike, so both show the same bars.
/// </summary>
internal static class SasaranCharts
{
    public static async Task<IReadOnlyList<CapaianChart>> BuildAsync(StoreTransaction transaction, OfficeConfiguration office, Period period, CancellationToken cancellationToken)
    {
        var quarters = PeriodParts.Of(period, PeriodKind.Quarter);
        var charts = new List<CapaianChart>();
        foreach (var sasaran in office.Indicators.Where(i => i.IsAskedIn(period) && i.Structure.Sasaran is not null).GroupBy(i => i.Structure.Sasaran!))
        {
            var perQuarter = new List<decimal?>();
            foreach (var quarter in quarters)
            {
                var capaian = new List<decimal>();
                foreach (var indicator in sasaran.Where(i => i.IsAskedIn(quarter)))
                {
                    var value = (await VerifiedUnitValues.FindAsync(transaction, quarter.Id, indicator.UnitId, cancellationToken))?.GetValueOrDefault(indicator.Code);
                    if (value is not null && indicator.TargetFor(quarter) is { } target && Achievement.Calculate(value.Value, target, indicator.Polarity) is { } achieved)
                    {
                        capaian.Add(Math.Min(achieved, office.CapaianCap));
                    }
                }

                perQuarter.Add(capaian.Count == 0 ? null : Math.Round(capaian.Average(), IndonesianFormat.ComputedDecimals));
            }

            charts.Add(new CapaianChart($"Sasaran: {sasaran.Key}", quarters.Select(PeriodParts.ShortName).ToList(), perQuarter));
        }

        return charts;
    }
}
