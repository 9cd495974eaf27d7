namespace KinerjaBot.Domain;

/// <summary>
/// The "misalnya …" shown when a value is asked: drawn from the indicator's own target and kind, so it looks like an
/// answer the official could give. A fixed "12" for a target of 3 would itself trip the plausibility question.
/// </summary>
public static class AnswerExample
{
    /// <summary>
    /// A count: a whole number a little under the target; a percent: at most 100 with a decimal comma; any other
    /// number (hari, indeks): a decimal a little under the target. Never a value the parser would refuse or question.
    /// </summary>
    public static string For(IndicatorKind kind, decimal? target)
    {
        var near = target is > 0 ? target.Value * 0.9m : (decimal?)null;
        var example = kind switch
        {
            IndicatorKind.Integer => near is { } n ? Math.Max(1m, Math.Round(n, MidpointRounding.AwayFromZero)) : target is 0 ? 0m : 5m,
            IndicatorKind.Percent => WithDecimal(near is { } p ? Math.Min(p, 99.5m) : target is 0 ? 0.5m : 85.5m),
            _ => WithDecimal(near ?? (target is 0 ? 0.5m : 2.5m)),
        };
        var text = IndonesianFormat.Number(example);

        // Tiny targets (0,01) round to an example over 3× target: the target itself is then the safest example.
        var check = IndicatorValueParser.Parse(text, kind, target);
        return check.IsAccepted || target is null ? text : IndonesianFormat.Number(target.Value);
    }

    /// <summary>One digit after the comma, and never ",0": the example shows how to write a decimal.</summary>
    private static decimal WithDecimal(decimal value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded == Math.Truncate(rounded) ? (rounded >= 1 ? rounded - 0.5m : rounded + 0.5m) : rounded;
    }
}
