using KinerjaBot.Domain;

namespace KinerjaBot.Configuration;

/// <summary>
/// Reads an indicator's <c>rollup:</c> (sum | last | average | none). Left out, it follows the kind: a count
/// (integer) is summed, a percentage is cumulative so the latest period's value stands, any other number is averaged.
/// </summary>
internal static class IndicatorRollupReader
{
    private static readonly Dictionary<string, RollupRule> Words = new(StringComparer.Ordinal)
    {
        ["sum"] = RollupRule.Sum,
        ["last"] = RollupRule.Last,
        ["average"] = RollupRule.Average,
        ["none"] = RollupRule.None,
    };

    public static RollupRule DefaultFor(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Integer => RollupRule.Sum,
        IndicatorKind.Percent => RollupRule.Last,
        _ => RollupRule.Average,
    };

    public static RollupRule Read(YamlSection item, string what, IndicatorKind? kind)
    {
        var text = item.OptionalString("rollup", what, "sum");
        if (text is null)
        {
            return kind is { } k ? DefaultFor(k) : RollupRule.None;
        }

        if (!Words.TryGetValue(text, out var rule))
        {
            item.Report(item.Find("rollup"), $"{what} has rollup '{text}', which is not a known word", "write one of: sum, last, average, none");
            return RollupRule.None;
        }

        if (rule == RollupRule.Sum && kind == IndicatorKind.Percent)
        {
            item.Report(item.Find("rollup"), $"{what} is a percent, and percentages of months or quarters cannot be added up", "write 'rollup: last' (a cumulative percentage) or 'rollup: average'");
            return RollupRule.None;
        }

        return rule;
    }
}
