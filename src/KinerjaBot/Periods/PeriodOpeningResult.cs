namespace KinerjaBot.Periods;

/// <summary>The outcome of opening a period: how many units take part and how many heads could be told now.</summary>
public sealed record PeriodOpeningResult(PeriodOpeningStatus Status, int Units = 0, int HeadsNotified = 0, DateTimeOffset? FillDeadline = null)
{
    public static readonly PeriodOpeningResult AlreadyOpen = new(PeriodOpeningStatus.AlreadyOpen);
    public static readonly PeriodOpeningResult NoIndicators = new(PeriodOpeningStatus.NoIndicators);
}
