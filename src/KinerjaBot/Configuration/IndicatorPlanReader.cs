using System.Globalization;
using KinerjaBot.Domain;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>
/// Reads an indicator's <c>plan:</c>, the Rencana Aksi beside the Perjanjian Kinerja's yearly target: per year, four
/// cumulative figures, what should be reached by the end of TW1…TW4, either as shares of the year's target
/// (<c>[20%, 45%, 70%, 100%]</c>) or as values (<c>[3, 6, 9, 12]</c>). For an indicator that is summed each quarter's
/// target is its own part (the difference from the quarter before); otherwise the cumulative figure itself.
/// </summary>
internal static class IndicatorPlanReader
{
    /// <summary>Adds the quarter targets the plan gives to <paramref name="targets"/>; false if any problem was reported.</summary>
    public static bool Apply(YamlSection item, string what, IndicatorKind? kind, RollupRule rollup, IReadOnlySet<PeriodKind>? askedIn, Dictionary<string, decimal> targets, List<Period> periods)
    {
        if (item.Find("plan") is not { } planNode)
        {
            return true;
        }

        const string Example = "write e.g. 'plan: { 2026: [20%, 45%, 70%, 100%] }' (cumulative share of the year's target by the end of TW1…TW4)";
        if (planNode is not YamlMappingNode plan)
        {
            item.Report(planNode, $"{what} has a plan that is not a '{{ year: [TW1, TW2, TW3, TW4] }}' block", Example);
            return false;
        }

        if (askedIn is not null && !askedIn.Contains(PeriodKind.Quarter))
        {
            item.Report(planNode, $"{what} has a quarterly plan but is not asked per quarter", "add quarter to 'asked_in', or remove the plan");
            return false;
        }

        var clean = true;
        foreach (var (yearNode, listNode) in plan.Children)
        {
            var yearText = (yearNode as YamlScalarNode)?.Value;
            if (!Period.TryParse(yearText, out var year) || year.Kind != PeriodKind.Year)
            {
                item.Report(yearNode, $"{what} has a plan for '{yearText}', which is not a year", Example);
                clean = false;
                continue;
            }

            if (!targets.TryGetValue(year.Id, out var yearTarget))
            {
                item.Report(yearNode, $"{what} has a plan for {year.Id} but no target for {year.Id}", $"add '{year.Id}: <the Perjanjian Kinerja target>' to 'targets'");
                clean = false;
                continue;
            }

            if (listNode is not YamlSequenceNode { Children.Count: 4 } list || !TryReadCumulative(list, yearTarget, out var cumulative))
            {
                item.Report(listNode, $"{what} has a plan for {year.Id} that is not four numbers or shares", Example);
                clean = false;
                continue;
            }

            clean &= Check(item, listNode, what, kind, rollup, year, yearTarget, cumulative, targets, periods);
        }

        return clean;
    }

    private static bool Check(YamlSection item, YamlNode at, string what, IndicatorKind? kind, RollupRule rollup, Period year, decimal yearTarget, decimal[] cumulative, Dictionary<string, decimal> targets, List<Period> periods)
    {
        var cumulates = rollup is RollupRule.Sum or RollupRule.Last;
        if (cumulates && cumulative.Zip(cumulative.Skip(1)).Any(pair => pair.Second < pair.First))
        {
            item.Report(at, $"{what} has a plan for {year.Id} that goes down; a Rencana Aksi for a {rollup.ToString().ToLowerInvariant()} indicator is cumulative", "write what should be reached by the end of each quarter, e.g. [20%, 45%, 70%, 100%]");
            return false;
        }

        if (cumulates && cumulative[3] != yearTarget)
        {
            item.Report(at, $"{what} has a plan for {year.Id} that ends at {cumulative[3].ToString(CultureInfo.InvariantCulture)} by TW4, not at the year's target {yearTarget.ToString(CultureInfo.InvariantCulture)}", "make the last figure 100% (or the year's target)");
            return false;
        }

        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var period = Period.Quarter(year.Year, quarter);
            var target = rollup == RollupRule.Sum ? cumulative[quarter - 1] - (quarter > 1 ? cumulative[quarter - 2] : 0) : cumulative[quarter - 1];
            if (targets.ContainsKey(period.Id))
            {
                item.Report(at, $"{what} has both a target and a plan for {period.Id}", $"keep one: remove {period.Id} from 'targets', or the plan");
                return false;
            }

            if (kind == IndicatorKind.Integer && target != decimal.Truncate(target))
            {
                item.Report(at, $"{what} counts whole numbers but its plan gives {period.Id} a target of {target.ToString(CultureInfo.InvariantCulture)}", "write the plan as whole values instead of shares, e.g. [3, 6, 9, 12]");
                return false;
            }

            targets[period.Id] = target;
            periods.Add(period);
        }

        return true;
    }

    private static bool TryReadCumulative(YamlSequenceNode list, decimal yearTarget, out decimal[] cumulative)
    {
        cumulative = new decimal[4];
        for (var index = 0; index < 4; index++)
        {
            var text = (list.Children[index] as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            var share = text.EndsWith('%');
            if (!decimal.TryParse(share ? text[..^1].Trim() : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var figure) || (share && figure > 100))
            {
                return false;
            }

            cumulative[index] = share ? Math.Round(yearTarget * figure / 100, IndonesianFormat.StoredDecimals) : figure;
        }

        return true;
    }
}
