namespace KinerjaBot.Domain;

/// <summary>
/// A value computed from lower periods and how, in the words the unit head reads before confirming it:
/// "Jumlah Juli–September: 12 + 9 + 15 = 36".
/// </summary>
public sealed record RollupResult(RollupRule Rule, IReadOnlyList<(Period Period, decimal Value)> Parts, decimal Value)
{
    /// <summary>Computes the rule over the parts (in period order); whole-number indicators round an average.</summary>
    public static RollupResult Compute(RollupRule rule, IReadOnlyList<(Period Period, decimal Value)> parts, IndicatorKind kind)
    {
        if (rule == RollupRule.None || parts.Count == 0)
        {
            throw new ArgumentException("A rollup needs a rule and at least one lower period.", nameof(parts));
        }

        var value = rule switch
        {
            RollupRule.Sum => parts.Sum(p => p.Value),
            RollupRule.Last => parts[^1].Value,
            _ => parts.Average(p => p.Value),
        };
        var decimals = kind == IndicatorKind.Integer ? 0 : IndonesianFormat.StoredDecimals;
        return new RollupResult(rule, parts, Math.Round(value, decimals, MidpointRounding.AwayFromZero));
    }

    /// <summary>"Juli–September" (or just "Juli" for one part).</summary>
    public string Range => Parts.Count == 1
        ? PeriodParts.ShortName(Parts[0].Period)
        : $"{PeriodParts.ShortName(Parts[0].Period)}–{PeriodParts.ShortName(Parts[^1].Period)}";

    /// <summary>How the value was computed, with every lower period's figure.</summary>
    public string Explanation
    {
        get
        {
            var figures = Parts.Select(p => IndonesianFormat.Number(p.Value)).ToList();
            var result = IndonesianFormat.Number(Value);
            return Rule switch
            {
                RollupRule.Sum => $"Jumlah {Range}: {string.Join(" + ", figures)} = {result}",
                RollupRule.Last => $"Nilai terakhir {Range} ({string.Join("; ", Parts.Select(p => $"{PeriodParts.ShortName(p.Period)} {IndonesianFormat.Number(p.Value)}"))}): {result}",
                _ => $"Rata-rata {Range}: ({string.Join(" + ", figures)}) / {Parts.Count} = {result}",
            };
        }
    }
}
