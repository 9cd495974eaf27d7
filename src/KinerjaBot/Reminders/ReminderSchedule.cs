using KinerjaBot.Domain;

namespace KinerjaBot.Reminders;

/// <summary>
/// When the reminders of one stage go out, computed from its deadline alone so every restart computes the same
/// slots. Each slot is on a working day: H-1 on the working day before the deadline's day, one on the deadline's
/// day, then one on each working day after it while the stage stays late. The time of day is the deadline's own
/// time when that lies inside working hours (a 12h deadline due 10.30 is reminded at 10.30), and otherwise the start
/// of working hours (the usual 17.00 deadline is reminded at 07.00: "batas waktu hari ini pukul 17.00").
/// A slot before the stage began is dropped: the person got the deadline with the work itself.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The slots in time order; endless, since a stage is reminded daily for as long as it stays late.</summary>
    public static IEnumerable<ReminderSlot> Slots(WorkingCalendar calendar, DateTimeOffset deadline, DateTimeOffset stageStart)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var deadlineDay = calendar.LocalDate(deadline);
        var deadlineTime = TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(deadline, calendar.Zone).TimeOfDay);
        var time = deadlineTime >= calendar.WorkdayStart && deadlineTime < calendar.WorkdayEnd ? deadlineTime : calendar.WorkdayStart;

        var before = deadlineDay.AddDays(-1);
        for (var guard = 0; !calendar.IsWorkingDay(before) && guard < 366; guard++)
        {
            before = before.AddDays(-1);
        }

        var candidates = new List<ReminderSlot> { new(ReminderKind.Before, 0, calendar.At(before, time)) };
        if (calendar.IsWorkingDay(deadlineDay))
        {
            candidates.Add(new ReminderSlot(ReminderKind.Due, 0, calendar.At(deadlineDay, time)));
        }

        foreach (var slot in candidates.Where(s => s.At >= stageStart))
        {
            yield return slot;
        }

        for (var lateDay = 1; ; lateDay++)
        {
            var at = calendar.At(calendar.AddWorkingDays(deadlineDay, lateDay), time);
            if (at >= stageStart)
            {
                yield return new ReminderSlot(ReminderKind.Late, lateDay, at);
            }
        }
    }

    /// <summary>The newest slot that is due at <paramref name="now"/>, if any: the one to send after a pause, older ones being stale.</summary>
    public static ReminderSlot? LatestDue(WorkingCalendar calendar, DateTimeOffset deadline, DateTimeOffset stageStart, DateTimeOffset now) =>
        Slots(calendar, deadline, stageStart).TakeWhile(s => s.At <= now).LastOrDefault();

    /// <summary>The first slot after <paramref name="now"/>.</summary>
    public static ReminderSlot NextAfter(WorkingCalendar calendar, DateTimeOffset deadline, DateTimeOffset stageStart, DateTimeOffset now) =>
        Slots(calendar, deadline, stageStart).First(s => s.At > now);

    /// <summary>
    /// The weekly digest slot that applies at <paramref name="now"/>: the nominal day and time of this week (or last
    /// week, before it), moved to the next working moment when it falls on a holiday or outside working hours.
    /// Null when that slot is still ahead, or when it was on an earlier day (a missed digest is not sent days late).
    /// </summary>
    public static DateTimeOffset? WeeklyDigestDue(WorkingCalendar calendar, DayOfWeek day, TimeOnly time, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = calendar.LocalDate(now);
        var nominalDay = today.AddDays(-(((int)today.DayOfWeek - (int)day + 7) % 7));
        var nominal = calendar.At(nominalDay, time);
        if (nominal > now)
        {
            nominal = calendar.At(nominalDay.AddDays(-7), time);
        }

        var due = calendar.NextWorkingMoment(nominal);
        return due <= now && calendar.LocalDate(due) == today ? due : null;
    }
}
