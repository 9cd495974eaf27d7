namespace KinerjaBot.Periods;

/// <summary>How an attempt to open a period ended.</summary>
public enum PeriodOpeningStatus
{
    Opened,
    AlreadyOpen,
    NoIndicators,

    /// <summary>Opened with <c>format_approval: on</c>: the draft format went to planning; the unit heads are asked once it is signed.</summary>
    FormatDrafted,
}
