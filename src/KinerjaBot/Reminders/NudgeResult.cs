namespace KinerjaBot.Reminders;

/// <summary>What an Ingatkan press did.</summary>
public enum NudgeResult
{
    /// <summary>The reminder was queued to the late official now.</summary>
    Sent,

    /// <summary>Outside working hours: the reminder waits for the next working moment.</summary>
    Queued,

    /// <summary>The official was already nudged about all their late items today.</summary>
    AlreadyToday,

    /// <summary>Nothing of theirs under the presser is late any more.</summary>
    NotLate,

    /// <summary>The official has no chat with the bot (not registered, or blocked it).</summary>
    Unreachable,
}
