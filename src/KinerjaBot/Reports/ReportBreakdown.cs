using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;

namespace KinerjaBot.Reports;

/// <summary>
/// The quarters a semester or annual report shows beside its total (seed 001's rekap: "TW I", "TW II" … then the
/// total): each indicator's verified quarter value, and the same as numbers for the spreadsheet's per-period sheets.
/// A quarter not verified (or an indicator not asked per quarter) shows "–".
/// </summary>
internal sealed class ReportBreakdown
{
    private readonly IReadOnlyList<Period> _quarters;
    private readonly Dictionary<string, List<ReportRowData>> _sheets = new(StringComparer.Ordinal);

    public ReportBreakdown(OfficeConfiguration office, Period period)
    {
        var asksQuarters = office.Indicators.Any(i => i.AskedIn.Contains(PeriodKind.Quarter) && i.IsAskedIn(period));
        _quarters = period.Kind is PeriodKind.Semester or PeriodKind.Year && asksQuarters ? PeriodParts.Of(period, PeriodKind.Quarter) : [];
        foreach (var quarter in _quarters)
        {
            _sheets[quarter.Id] = [];
        }
    }

    public IReadOnlyList<string> Headers => _quarters.Select(PeriodParts.ShortName).ToList();

    public IReadOnlyList<ReportPeriodData> Periods => _quarters.Select(q => new ReportPeriodData(q.Id, _sheets[q.Id])).ToList();

    /// <summary>The verified values of one unit, per quarter (null where a quarter is not verified).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, StoredValue>?>> LoadAsync(StoreTransaction transaction, string unitId, CancellationToken cancellationToken)
    {
        var values = new List<IReadOnlyDictionary<string, StoredValue>?>();
        foreach (var quarter in _quarters)
        {
            values.Add(await VerifiedUnitValues.FindAsync(transaction, quarter.Id, unitId, cancellationToken));
        }

        return values;
    }

    /// <summary>The printed quarter values of one indicator; records them for the quarter sheets too.</summary>
    public IReadOnlyList<string> Row(Indicator indicator, IReadOnlyList<IReadOnlyDictionary<string, StoredValue>?> unitValues)
    {
        var cells = new List<string>();
        for (var index = 0; index < _quarters.Count; index++)
        {
            var quarter = _quarters[index];
            var value = indicator.IsAskedIn(quarter) ? unitValues[index]?.GetValueOrDefault(indicator.Code) : null;
            cells.Add(value is null ? IndonesianFormat.NoValue : IndonesianFormat.Number(value.Value));
            if (indicator.IsAskedIn(quarter))
            {
                var target = indicator.TargetFor(quarter);
                var achievement = value is not null && target is { } t ? Achievement.Calculate(value.Value, t, indicator.Polarity) : null;
                _sheets[quarter.Id].Add(new ReportRowData(indicator.Code, indicator.Name, indicator.Measure, target, value?.Value, achievement, value?.Note ?? string.Empty));
            }
        }

        return cells;
    }
}
