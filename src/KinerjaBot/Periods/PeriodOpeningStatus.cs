namespace KinerjaBot.Periods;

/// <summary>How an attempt to open a period ended.</summary>
public enum PeriodOpeningStatus
{
    Opened,
    AlreadyOpen,
    NoIndicators,
}
