using KinerjaBot.Domain;

namespace KinerjaBot.Periods;

/// <summary>
/// An indicator's rollup for a period: the computed value when every lower period is verified, otherwise the lower
/// periods still missing (named to the unit head, who then types the value).
/// </summary>
public sealed record RollupOutcome(RollupResult? Result, IReadOnlyList<Period> Missing);
