namespace KinerjaBot.Configuration;

/// <summary>
/// The <c>reminders:</c> block of office.yaml: when the head's weekly digest goes out (null day = never) and who
/// is told about whose lateness.
/// </summary>
public sealed record ReminderSettings(DayOfWeek? WeeklyDigestDay, TimeOnly WeeklyDigestTime, EscalationRules Escalation)
{
    /// <summary>Monday 08.00 and the SOP's escalation line.</summary>
    public static ReminderSettings Default(OfficeRoles roles) =>
        new(DayOfWeek.Monday, new TimeOnly(8, 0), EscalationRules.Default(roles));
}
