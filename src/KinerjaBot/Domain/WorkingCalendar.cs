using System.Collections.Frozen;

namespace KinerjaBot.Domain;

/// <summary>
/// An office's working time: its time zone, working days (Monday–Friday unless configured), public holidays and
/// collective leave days (libur nasional, cuti bersama), and working hours (07.00–17.00 unless configured).
/// Deadlines and lateness are counted in this calendar; every instant in and out is UTC-safe <see cref="DateTimeOffset"/>.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly FrozenSet<DayOfWeek> MondayToFriday =
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.ToFrozenSet();

    public WorkingCalendar(
        TimeZoneInfo zone,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DayOfWeek>? workingDays = null,
        TimeOnly? workdayStart = null,
        TimeOnly? workdayEnd = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        Holidays = (holidays ?? []).ToFrozenSet();
        WorkingDays = (workingDays ?? MondayToFriday).ToFrozenSet();
        WorkdayStart = workdayStart ?? new TimeOnly(7, 0);
        WorkdayEnd = workdayEnd ?? new TimeOnly(17, 0);
        if (WorkingDays.Count == 0)
        {
            throw new ArgumentException("An office calendar needs at least one working day in the week.", nameof(workingDays));
        }

        if (WorkdayEnd <= WorkdayStart)
        {
            throw new ArgumentException($"Working hours must end after they start (got {WorkdayStart:HH:mm}–{WorkdayEnd:HH:mm}).", nameof(workdayEnd));
        }
    }

    public TimeZoneInfo Zone { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public IReadOnlySet<DayOfWeek> WorkingDays { get; }

    public TimeOnly WorkdayStart { get; }

    /// <summary>The end of working hours; a day-based deadline falls at this time.</summary>
    public TimeOnly WorkdayEnd { get; }

    /// <summary>
    /// A calendar for an IANA zone id such as <c>Asia/Jakarta</c>, <c>Asia/Makassar</c> or <c>Asia/Jayapura</c>, or one of
    /// their Windows ids (<see cref="IndonesianTimeZones"/>).
    /// </summary>
    public static WorkingCalendar ForTimeZone(string timeZoneId, IEnumerable<DateOnly>? holidays = null) =>
        new(IndonesianTimeZones.Find(timeZoneId), holidays);

    public bool IsWorkingDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date);

    /// <summary>The office's calendar date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="date"/>; the date itself never counts
    /// (Friday + 1 = Monday, Thursday + 1 before a Friday holiday = Monday). A count of 0 returns the date unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = date;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                found++;
            }
        }

        return day;
    }

    /// <summary>
    /// When a stage that starts at <paramref name="start"/> is due.
    /// <list type="bullet">
    /// <item>Working days (<c>3d</c>): the end of working hours on the N-th working day after the start's local date.
    /// The start day itself never counts, whatever the hour: "3 hari kerja" is read as three full working days after the
    /// day the request arrives, as offices count a letter's deadline from the day after it is received. A period
    /// opened on Monday (at 06.00 or at 16.59 alike) with <c>3d</c> is due Thursday 17.00; opened on Saturday, Wednesday
    /// 17.00.</item>
    /// <item>Clock time (<c>12h</c>, <c>30m</c>, <c>10s</c>): simply start + duration, ignoring the calendar; these exist
    /// for demos and tests.</item>
    /// </list>
    /// </summary>
    public DateTimeOffset DeadlineFrom(DateTimeOffset start, DeadlineDuration duration)
    {
        if (duration.WorkingDays < 0 || duration.ClockTime < TimeSpan.Zero
            || (duration.WorkingDays > 0) == (duration.ClockTime > TimeSpan.Zero))
        {
            throw new ArgumentException($"A stage duration is either working days or clock time, got {duration.WorkingDays} day(s) and {duration.ClockTime}.", nameof(duration));
        }

        if (duration.WorkingDays == 0)
        {
            return (start + duration.ClockTime).ToUniversalTime();
        }

        var dueDay = AddWorkingDays(LocalDate(start), duration.WorkingDays);
        return AtLocal(dueDay, WorkdayEnd);
    }

    /// <summary>
    /// How many working days have been lost since <paramref name="deadline"/>: the working days after the deadline's
    /// local date whose working hours have begun by <paramref name="now"/>. 0 when not late, and also on the evening
    /// of the deadline day (no working time has been lost yet), so test <c>now &gt; deadline</c> for "late at all".
    /// A deadline Thursday 17.00 is 1 day late from Friday 07.00, 2 from Monday 07.00.
    /// </summary>
    public int WorkingDaysLate(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (now <= deadline)
        {
            return 0;
        }

        var deadlineDay = LocalDate(deadline);
        var localNow = ToLocal(now);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var lastBegunDay = TimeOnly.FromDateTime(localNow.DateTime) >= WorkdayStart ? today : today.AddDays(-1);
        var late = 0;
        for (var day = deadlineDay.AddDays(1); day <= lastBegunDay; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                late++;
            }
        }

        return late;
    }

    /// <summary>
    /// The instant itself when it falls inside working hours on a working day; otherwise the start of the next working
    /// day's hours (used to hold reminders until someone is at their desk). Returned in UTC.
    /// </summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(day))
        {
            if (time < WorkdayStart)
            {
                return AtLocal(day, WorkdayStart);
            }

            if (time < WorkdayEnd)
            {
                return instant.ToUniversalTime();
            }
        }

        return AtLocal(AddWorkingDays(day, 1), WorkdayStart);
    }

    /// <summary>True inside working hours on a working day: when the office may be messaged.</summary>
    public bool IsWorkingMoment(DateTimeOffset instant) => NextWorkingMoment(instant) == instant.ToUniversalTime();

    /// <summary>The instant (UTC) of a wall-clock time on a local date in the office's zone.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => AtLocal(day, time);

    private DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private DateTimeOffset AtLocal(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // Indonesia has no daylight saving; for other zones a wall-clock time that does not exist moves past the gap.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
