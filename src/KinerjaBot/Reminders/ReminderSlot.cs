namespace KinerjaBot.Reminders;

/// <summary>
/// One scheduled reminder for a stage: its kind, for <see cref="ReminderKind.Late"/> the working day of lateness it
/// belongs to (1, 2, …), and the instant it goes out (always inside working hours on a working day).
/// </summary>
public sealed record ReminderSlot(ReminderKind Kind, int LateDay, DateTimeOffset At)
{
    /// <summary>The part of the reminder key that tells this slot from the stage's other slots.</summary>
    public string SlotKey => Kind == ReminderKind.Late ? $"late{LateDay}" : Kind.ToString().ToLowerInvariant();
}
