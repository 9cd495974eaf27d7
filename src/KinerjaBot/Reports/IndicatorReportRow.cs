using System.Globalization;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;

namespace KinerjaBot.Reports;

/// <summary>
/// One indicator's printed row and its numbers, the same in every office document: target, realisasi, capaian and the
/// predikat on the chat's rating scale (so a PDF and the chat never disagree), ↓ for lower-is-better.
/// </summary>
internal static class IndicatorReportRow
{
    public static ReportRow Create(int number, Indicator indicator, decimal? target, StoredValue? value, RatingBands ratings, string? remark = null)
    {
        var achievement = Achievement(indicator, target, value);
        var keterangan = remark ?? value?.Note ?? string.Empty;
        return new ReportRow
        {
            Number = number.ToString(CultureInfo.InvariantCulture),
            IndicatorName = $"{indicator.Code} {indicator.Name}",
            Measure = indicator.Measure,
            Target = target is { } t ? IndonesianFormat.Number(t) : IndonesianFormat.NoValue,
            Realisation = value is null ? IndonesianFormat.NoValue : IndonesianFormat.Number(value.Value),
            Achievement = IndonesianFormat.Percent(achievement),
            Rating = ratings.Rate(achievement)?.Label ?? IndonesianFormat.NoValue,
            LowerIsBetter = indicator.Polarity == Polarity.Lower,
            Remark = keterangan,
            Data = new ReportRowData(indicator.Code, indicator.Name, indicator.Measure, target, value?.Value, achievement, keterangan),
        };
    }

    public static decimal? Achievement(Indicator indicator, decimal? target, StoredValue? value) =>
        value is not null && target is { } t ? Domain.Achievement.Calculate(value.Value, t, indicator.Polarity) : null;

    /// <summary>The indicator's line of a report's data hash: code, value and note.</summary>
    public static string HashLine(Indicator indicator, StoredValue? value) =>
        $"{indicator.Code}={value?.Value.ToString(CultureInfo.InvariantCulture) ?? "-"}|{value?.Note}\n";
}
