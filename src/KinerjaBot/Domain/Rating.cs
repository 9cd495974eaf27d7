namespace KinerjaBot.Domain;

/// <summary>
/// One band of the rating scale: its label ("Sangat Baik") and the lowest capaian that earns it.
/// A capaian earns the highest band whose <see cref="LowerBound"/> it reaches.
/// </summary>
public sealed record Rating(string Label, decimal LowerBound)
{
    public override string ToString() => Label;
}
