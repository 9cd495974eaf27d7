using KinerjaBot.Domain;

namespace KinerjaBot.Configuration;

/// <summary>A performance indicator, the unit that reports it, and its target per period id.</summary>
public sealed record Indicator(
    string Code,
    string UnitId,
    string Name,
    string Measure,
    IndicatorKind Kind,
    Polarity Polarity,
    EvidenceRule Evidence,
    IReadOnlySet<PeriodKind> AskedIn,
    IReadOnlyDictionary<string, decimal> Targets)
{
    /// <summary>How a quarter, semester or year follows from the lower periods (indicators.yaml <c>rollup:</c>).</summary>
    public RollupRule Rollup { get; init; } = RollupRule.None;

    /// <summary>The sasaran / tujuan / program / kegiatan it belongs to (indicators.yaml), for the measurement report.</summary>
    public PerformanceStructure Structure { get; init; } = PerformanceStructure.None;

    public bool IsAskedIn(Period period) => AskedIn.Contains(period.Kind) && Targets.ContainsKey(period.Id);

    public decimal? TargetFor(Period period) => Targets.TryGetValue(period.Id, out var target) ? target : null;
}
