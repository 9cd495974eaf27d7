using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class WorkingCalendarTests
{
    // October 2026: Monday 5, Thursday 8, Friday 9, Monday 12.
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    private static WorkingCalendar Jakarta(params DateOnly[] holidays) => WorkingCalendar.ForTimeZone("Asia/Jakarta", holidays);

    private static DateTimeOffset Local(int month, int day, int hour, int minute, TimeSpan offset) => new(2026, month, day, hour, minute, 0, offset);

    [Theory]
    [InlineData(5, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(11, false)]
    public void Monday_to_Friday_are_working_days_and_the_weekend_is_not(int day, bool expected)
    {
        Assert.Equal(expected, Jakarta().IsWorkingDay(new DateOnly(2026, 10, day)));
    }

    [Fact]
    public void A_configured_holiday_is_not_a_working_day()
    {
        var calendar = Jakarta(new DateOnly(2026, 8, 17));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 8, 17)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 8, 18)));
    }

    [Fact]
    public void An_office_may_also_work_on_Saturday()
    {
        var sixDays = new WorkingCalendar(
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"),
            workingDays: [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]);

        Assert.True(sixDays.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(new DateOnly(2026, 10, 10), sixDays.AddWorkingDays(new DateOnly(2026, 10, 9), 1));
    }

    [Theory]
    [InlineData(5, 0, 5)]
    [InlineData(5, 1, 6)]
    [InlineData(5, 3, 8)]
    [InlineData(8, 3, 13)]
    [InlineData(9, 1, 12)]
    [InlineData(10, 1, 12)]
    [InlineData(5, 10, 19)]
    public void Adding_working_days_skips_weekends_and_never_counts_the_start_day(int startDay, int count, int expectedDay)
    {
        Assert.Equal(new DateOnly(2026, 10, expectedDay), Jakarta().AddWorkingDays(new DateOnly(2026, 10, startDay), count));
    }

    [Fact]
    public void A_three_day_deadline_from_Monday_morning_is_Thursday_at_the_end_of_working_hours()
    {
        var deadline = Jakarta().DeadlineFrom(Local(10, 5, 9, 30, Wib), DeadlineDuration.Days(3));

        Assert.Equal(Local(10, 8, 17, 0, Wib), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal("Kamis, 8 Oktober 2026 17.00 WIB", IndonesianFormat.DateTime(deadline, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")));
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(16, 59)]
    [InlineData(22, 0)]
    public void The_start_day_does_not_count_whatever_the_hour(int hour, int minute)
    {
        Assert.Equal(Local(10, 8, 17, 0, Wib), Jakarta().DeadlineFrom(Local(10, 5, hour, minute, Wib), DeadlineDuration.Days(3)));
    }

    [Fact]
    public void A_deadline_across_a_weekend_skips_Saturday_and_Sunday()
    {
        var deadline = Jakarta().DeadlineFrom(Local(10, 8, 10, 0, Wib), DeadlineDuration.Days(3));

        Assert.Equal(Local(10, 13, 17, 0, Wib), deadline);
    }

    [Fact]
    public void A_period_opened_on_Saturday_is_due_on_the_third_working_day_after_it()
    {
        Assert.Equal(Local(10, 14, 17, 0, Wib), Jakarta().DeadlineFrom(Local(10, 10, 9, 0, Wib), DeadlineDuration.Days(3)));
    }

    [Fact]
    public void A_deadline_across_a_configured_holiday_skips_the_holiday()
    {
        var calendar = Jakarta(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 13));

        var deadline = calendar.DeadlineFrom(Local(10, 8, 10, 0, Wib), DeadlineDuration.Days(3));

        Assert.Equal(Local(10, 15, 17, 0, Wib), deadline);
    }

    [Fact]
    public void The_start_date_is_the_office_date_not_the_UTC_date()
    {
        // 23.30 UTC on Sunday is already Monday 07.30 in Makassar.
        var calendar = WorkingCalendar.ForTimeZone("Asia/Makassar");
        var start = new DateTimeOffset(2026, 10, 4, 23, 30, 0, TimeSpan.Zero);

        var deadline = calendar.DeadlineFrom(start, DeadlineDuration.Days(1));

        Assert.Equal(Local(10, 6, 17, 0, Wita), deadline);
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 9, 0, 0, TimeSpan.Zero), deadline);
        Assert.Equal("Selasa, 6 Oktober 2026 17.00 WITA", IndonesianFormat.DateTime(deadline, calendar.Zone));
    }

    [Fact]
    public void A_deadline_in_WIT_falls_at_17_00_Jayapura_time()
    {
        var calendar = WorkingCalendar.ForTimeZone("Asia/Jayapura");

        var deadline = calendar.DeadlineFrom(Local(10, 9, 8, 0, TimeSpan.FromHours(9)), DeadlineDuration.Days(1));

        Assert.Equal(new DateTimeOffset(2026, 10, 12, 8, 0, 0, TimeSpan.Zero), deadline);
    }

    [Theory]
    [InlineData("12h", 12 * 3600)]
    [InlineData("30m", 30 * 60)]
    [InlineData("10s", 10)]
    public void A_clock_duration_is_simply_added_even_over_a_weekend_night(string text, int seconds)
    {
        Assert.True(DeadlineDuration.TryParse(text, out var duration));
        var fridayEvening = Local(10, 9, 22, 0, Wib);

        var deadline = Jakarta().DeadlineFrom(fridayEvening, duration);

        Assert.Equal(fridayEvening.AddSeconds(seconds), deadline);
    }

    [Fact]
    public void An_empty_or_mixed_duration_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Jakarta().DeadlineFrom(Local(10, 5, 9, 0, Wib), default));
        Assert.Throws<ArgumentException>(() => Jakarta().DeadlineFrom(Local(10, 5, 9, 0, Wib), new DeadlineDuration(1, TimeSpan.FromHours(1))));
    }

    [Theory]
    [InlineData(8, 16, 0, 0)]
    [InlineData(8, 17, 0, 0)]
    [InlineData(8, 18, 0, 0)]
    [InlineData(9, 6, 59, 0)]
    [InlineData(9, 7, 0, 1)]
    [InlineData(9, 16, 0, 1)]
    [InlineData(10, 12, 0, 1)]
    [InlineData(11, 20, 0, 1)]
    [InlineData(12, 7, 0, 2)]
    [InlineData(15, 10, 0, 5)]
    public void Working_days_late_counts_the_working_days_begun_since_the_deadline(int day, int hour, int minute, int expected)
    {
        var thursdayDeadline = Local(10, 8, 17, 0, Wib);

        Assert.Equal(expected, Jakarta().WorkingDaysLate(thursdayDeadline, Local(10, day, hour, minute, Wib)));
    }

    [Fact]
    public void A_holiday_after_the_deadline_does_not_count_as_a_day_late()
    {
        var calendar = Jakarta(new DateOnly(2026, 10, 9));

        Assert.Equal(1, calendar.WorkingDaysLate(Local(10, 8, 17, 0, Wib), Local(10, 12, 9, 0, Wib)));
    }

    [Fact]
    public void Before_the_deadline_nobody_is_late()
    {
        Assert.Equal(0, Jakarta().WorkingDaysLate(Local(10, 8, 17, 0, Wib), Local(10, 1, 9, 0, Wib)));
    }

    [Theory]
    [InlineData(5, 9, 0, 5, 9, 0)]
    [InlineData(5, 6, 0, 5, 7, 0)]
    [InlineData(5, 17, 0, 6, 7, 0)]
    [InlineData(9, 18, 0, 12, 7, 0)]
    [InlineData(10, 10, 0, 12, 7, 0)]
    public void The_next_working_moment_waits_for_office_hours_on_a_working_day(int day, int hour, int minute, int expectedDay, int expectedHour, int expectedMinute)
    {
        var next = Jakarta().NextWorkingMoment(Local(10, day, hour, minute, Wib));

        Assert.Equal(Local(10, expectedDay, expectedHour, expectedMinute, Wib), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void The_next_working_moment_skips_a_holiday()
    {
        var calendar = Jakarta(new DateOnly(2026, 10, 12));

        Assert.Equal(Local(10, 13, 7, 0, Wib), calendar.NextWorkingMoment(Local(10, 9, 17, 30, Wib)));
    }

    [Fact]
    public void Custom_working_hours_move_the_deadline_and_the_next_working_moment()
    {
        var calendar = new WorkingCalendar(
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"), workdayStart: new TimeOnly(8, 0), workdayEnd: new TimeOnly(16, 0));

        Assert.Equal(Local(10, 6, 16, 0, Wib), calendar.DeadlineFrom(Local(10, 5, 9, 0, Wib), DeadlineDuration.Days(1)));
        Assert.Equal(Local(10, 5, 8, 0, Wib), calendar.NextWorkingMoment(Local(10, 5, 7, 30, Wib)));
    }

    [Fact]
    public void A_calendar_without_working_days_or_with_backwards_hours_is_refused()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(zone, workingDays: []));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(zone, workdayStart: new TimeOnly(17, 0), workdayEnd: new TimeOnly(7, 0)));
    }

    [Fact]
    public void A_deadline_computed_from_the_time_provider_follows_a_fake_clock()
    {
        var clock = new Support.FakeTimeProvider(Local(10, 5, 9, 0, Wib));
        var calendar = Jakarta();
        var deadline = calendar.DeadlineFrom(clock.GetUtcNow(), DeadlineDuration.Days(3));

        clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(2, calendar.WorkingDaysLate(deadline, clock.GetUtcNow()));
    }
}
