namespace KinerjaBot.Domain;

/// <summary>
/// When a returned submission is due back: the later of the period's fill deadline and one verify duration after
/// the return, the SOP's turnaround for a round. One rule for the reminders and the return message, so the date the
/// unit head is told is the date they are reminded against.
/// </summary>
public static class FixDeadline
{
    public static DateTimeOffset After(WorkingCalendar calendar, DeadlineDuration verify, DateTimeOffset returnedAt, DateTimeOffset fillDeadline)
    {
        var fixBy = calendar.DeadlineFrom(returnedAt, verify);
        return fixBy > fillDeadline ? fixBy : fillDeadline;
    }
}
