using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Storage;

namespace KinerjaBot.Periods;

/// <summary>
/// Pre-fills a quarter, semester or year from the lower periods' verified values (indicators.yaml <c>rollup:</c>).
/// Computed when the question is asked rather than stored at opening, so a lower period reopened and corrected
/// meanwhile is never summed with its old value.
/// </summary>
public static class PeriodRollup
{
    /// <returns>Null when the indicator is asked fresh (rollup none, or no lower period kind is asked).</returns>
    public static async Task<RollupOutcome?> ComputeAsync(StoreTransaction transaction, Indicator indicator, Period period, string unitId, CancellationToken cancellationToken)
    {
        if (indicator.Rollup == RollupRule.None || PeriodParts.LowerKind(period, indicator.AskedIn) is not { } lower)
        {
            return null;
        }

        var parts = new List<(Period, decimal)>();
        var missing = new List<Period>();
        foreach (var part in PeriodParts.Of(period, lower))
        {
            var values = await VerifiedUnitValues.FindAsync(transaction, part.Id, unitId, cancellationToken);
            if (values?.GetValueOrDefault(indicator.Code) is { } value)
            {
                parts.Add((part, value.Value));
            }
            else
            {
                missing.Add(part);
            }
        }

        return missing.Count == 0
            ? new RollupOutcome(RollupResult.Compute(indicator.Rollup, parts, indicator.Kind), [])
            : new RollupOutcome(null, missing);
    }
}
