namespace KinerjaBot.Reminders;

/// <summary>What a reminder row is: one of the three scheduled reminders, a superior's nudge, or a digest.</summary>
public enum ReminderKind
{
    /// <summary>One working day before the deadline ("H-1").</summary>
    Before,

    /// <summary>On the deadline day.</summary>
    Due,

    /// <summary>Once per working day while late.</summary>
    Late,

    /// <summary>A superior pressed Ingatkan in their digest.</summary>
    Nudge,

    /// <summary>The daily digest to a superior of who is late.</summary>
    Escalation,

    /// <summary>The head's weekly summary of the open period.</summary>
    WeeklyDigest,
}
