namespace KinerjaBot.Reminders;

/// <summary>What one scheduler pass queued: reminders to holders, daily digests to superiors, the weekly digest.</summary>
public sealed record ReminderTickResult(int Reminders, int Escalations, int WeeklyDigests)
{
    public static ReminderTickResult None { get; } = new(0, 0, 0);

    public int Total => Reminders + Escalations + WeeklyDigests;
}
