namespace KinerjaBot.Domain;

/// <summary>
/// How an indicator's value for a quarter, semester or year follows from its lower periods (indicators.yaml
/// <c>rollup:</c>): the sum of counts, the last value of a cumulative figure, the average of a rate, or none (asked fresh).
/// </summary>
public enum RollupRule
{
    None,
    Sum,
    Last,
    Average,
}
