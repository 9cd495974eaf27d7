using KinerjaBot.Domain;
using KinerjaBot.Reminders;

namespace KinerjaBot.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // 24–26 December 2026 are Thursday, Friday and Saturday.
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ForTimeZone("Asia/Jakarta", [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26)]);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Wib);

    private static List<(ReminderKind Kind, int LateDay, DateTimeOffset At)> First(int count, DateTimeOffset deadline, DateTimeOffset start) =>
        ReminderSchedule.Slots(Calendar, deadline, start).Take(count).Select(s => (s.Kind, s.LateDay, s.At)).ToList();

    [Fact]
    public void A_five_pm_deadline_is_reminded_at_seven_the_day_before_on_the_day_and_each_working_day_after()
    {
        var slots = First(4, Local(10, 8, 17), Local(10, 5, 9));

        Assert.Equal(
            [
                (ReminderKind.Before, 0, Local(10, 7, 7)),
                (ReminderKind.Due, 0, Local(10, 8, 7)),
                (ReminderKind.Late, 1, Local(10, 9, 7)),
                (ReminderKind.Late, 2, Local(10, 12, 7)),
            ],
            slots);
    }

    [Fact]
    public void The_day_before_a_monday_deadline_is_the_friday()
    {
        Assert.Equal(Local(10, 9, 7), First(1, Local(10, 12, 17), Local(10, 1, 9))[0].At);
    }

    [Fact]
    public void Holidays_are_skipped_both_before_the_deadline_and_while_late()
    {
        // Due Wednesday 23 Dec; Thursday to Saturday are holidays, so the first late day is Monday 28.
        var slots = First(3, Local(12, 23, 17), Local(12, 21, 9));
        Assert.Equal(Local(12, 28, 7), slots[2].At);

        // Due Monday 28 Dec: the working day before is Wednesday 23.
        Assert.Equal(Local(12, 23, 7), First(1, Local(12, 28, 17), Local(12, 21, 9))[0].At);
    }

    [Fact]
    public void A_deadline_inside_working_hours_is_reminded_at_its_own_time()
    {
        var slots = First(3, Local(10, 7, 10, 30), Local(10, 5, 9));

        Assert.Equal([Local(10, 6, 10, 30), Local(10, 7, 10, 30), Local(10, 8, 10, 30)], slots.Select(s => s.At));
    }

    [Fact]
    public void Slots_before_the_stage_began_are_dropped()
    {
        // Submitted Tuesday 10.00 with a deadline Wednesday 17.00: Tuesday 07.00 has passed already.
        var slots = First(2, Local(10, 7, 17), Local(10, 6, 10));

        Assert.Equal([ReminderKind.Due, ReminderKind.Late], slots.Select(s => s.Kind));
    }

    [Fact]
    public void A_deadline_on_a_saturday_has_no_deadline_day_reminder_and_is_first_late_on_monday_at_its_own_time()
    {
        var slots = First(2, Local(10, 10, 12), Local(10, 5, 9));

        Assert.Equal([(ReminderKind.Before, 0, Local(10, 9, 12)), (ReminderKind.Late, 1, Local(10, 12, 12))], slots);
    }

    [Fact]
    public void After_a_pause_only_the_newest_due_slot_is_sent()
    {
        var latest = ReminderSchedule.LatestDue(Calendar, Local(10, 8, 17), Local(10, 5, 9), Local(10, 13, 9, 30));

        Assert.Equal((ReminderKind.Late, 3, Local(10, 13, 7)), (latest!.Kind, latest.LateDay, latest.At));
        Assert.Null(ReminderSchedule.LatestDue(Calendar, Local(10, 8, 17), Local(10, 5, 9), Local(10, 7, 6, 59)));
        Assert.Equal(Local(10, 7, 7), ReminderSchedule.NextAfter(Calendar, Local(10, 8, 17), Local(10, 5, 9), Local(10, 6, 23)).At);
    }

    [Theory]
    [InlineData(10, 12, 8, 0, true)]   // Monday 08.00
    [InlineData(10, 12, 16, 0, true)]  // later the same Monday (after a restart)
    [InlineData(10, 12, 7, 59, false)] // not yet
    [InlineData(10, 13, 8, 0, false)]  // Tuesday: a missed digest is not sent a day late
    public void The_weekly_digest_is_due_from_monday_eight_until_the_end_of_that_day(int month, int day, int hour, int minute, bool due)
    {
        var at = ReminderSchedule.WeeklyDigestDue(Calendar, DayOfWeek.Monday, new TimeOnly(8, 0), Local(month, day, hour, minute));

        Assert.Equal(due, at == Local(10, 12, 8));
        Assert.Equal(due, at is not null);
    }

    [Fact]
    public void A_weekly_digest_falling_on_a_holiday_waits_for_the_next_working_morning()
    {
        // Thursday 24 Dec 2026 is a holiday (and so are Friday and Saturday): a Thursday digest comes Monday 28, 07.00.
        Assert.Null(ReminderSchedule.WeeklyDigestDue(Calendar, DayOfWeek.Thursday, new TimeOnly(8, 0), Local(12, 24, 9)));
        Assert.Equal(Local(12, 28, 7), ReminderSchedule.WeeklyDigestDue(Calendar, DayOfWeek.Thursday, new TimeOnly(8, 0), Local(12, 28, 7)));
    }

    [Fact]
    public void Working_moments_are_inside_hours_on_working_days_only()
    {
        Assert.True(Calendar.IsWorkingMoment(Local(10, 12, 7)));
        Assert.False(Calendar.IsWorkingMoment(Local(10, 12, 17)));
        Assert.False(Calendar.IsWorkingMoment(Local(10, 10, 10)));
        Assert.False(Calendar.IsWorkingMoment(Local(12, 24, 10)));
    }
}
