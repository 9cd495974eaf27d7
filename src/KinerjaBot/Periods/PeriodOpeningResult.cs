namespace KinerjaBot.Periods;

/// <summary>The outcome of opening a period: the units invited to fill (one new submission each) and their deadline.</summary>
public sealed record PeriodOpeningResult(PeriodOpeningStatus Status, IReadOnlyList<InvitedUnit> Invited, DateTimeOffset? FillDeadline = null)
{
    public static readonly PeriodOpeningResult AlreadyOpen = new(PeriodOpeningStatus.AlreadyOpen, []);
    public static readonly PeriodOpeningResult NoIndicators = new(PeriodOpeningStatus.NoIndicators, []);

    public int Units => Invited.Count;

    /// <summary>The format-approval instance started instead of inviting the units (<see cref="PeriodOpeningStatus.FormatDrafted"/>).</summary>
    public long? FormatApprovalId { get; init; }
}
