namespace KinerjaBot.Periods;

/// <summary>Whether a period may be closed with /tutup, and if not, why.</summary>
public enum PeriodClosingStatus
{
    /// <summary>Open, and no unit's data has been verified: it may be closed.</summary>
    Closable,

    /// <summary>The period was never opened.</summary>
    NotOpen,

    /// <summary>The period is closed already.</summary>
    AlreadyClosed,

    /// <summary>Some unit's data was verified (now or before a return): closing would throw away checked work.</summary>
    Verified,
}
