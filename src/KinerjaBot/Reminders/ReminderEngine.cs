using System.Globalization;
using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Reminders;

/// <summary>
/// One pass of the reminder schedule, against the store at a given instant. It plans each owed stage's next
/// reminders as rows in the <c>reminders</c> table and, inside working hours, sends what is due: the newest due
/// reminder per stage, each superior's daily digest, and the head's weekly digest. A row is closed in the same
/// transaction that queues its message, and a pass is one transaction, so concurrent or repeated passes (the
/// background loop, a test, a restart) can neither send a reminder twice nor lose one.
/// </summary>
public sealed class ReminderEngine(
    KinerjaStore store,
    OfficeConfiguration office,
    WorkingCalendar calendar,
    OwedWorkFinder finder,
    ReminderMessages messages,
    WeeklyDigestBuilder weekly,
    ILogger<ReminderEngine> logger)
{
    public async Task<ReminderTickResult> TickAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        var owed = await finder.FindAsync(transaction, cancellationToken);
        var byStage = owed.ToDictionary(i => i.StageKey, StringComparer.Ordinal);

        // Planning runs at any hour, so the table always holds each stage's next reminder; a slot missed while the
        // bot was down is planned as the newest due one, and older ones are superseded rather than sent late in a pile.
        foreach (var item in owed)
        {
            if (ReminderSchedule.LatestDue(calendar, item.Deadline, item.StageStart, now) is { } latest)
            {
                await PlanAsync(transaction, item, latest, now, cancellationToken);
            }

            await PlanAsync(transaction, item, ReminderSchedule.NextAfter(calendar, item.Deadline, item.StageStart, now), now, cancellationToken);
        }

        if (!calendar.IsWorkingMoment(now))
        {
            await transaction.CommitAsync(cancellationToken);
            return ReminderTickResult.None;
        }

        var reminders = await SendDueAsync(transaction, byStage, now, cancellationToken);
        var escalations = await SendEscalationsAsync(transaction, owed, now, cancellationToken);
        var weeklyDigests = await SendWeeklyDigestAsync(transaction, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var result = new ReminderTickResult(reminders, escalations, weeklyDigests);
        if (result.Total > 0)
        {
            logger.LogInformation(
                "Reminder pass at {Now}: {Reminders} reminder(s), {Escalations} escalation digest(s), {Weekly} weekly digest(s) queued",
                now, reminders, escalations, weeklyDigests);
        }

        return result;
    }

    /// <summary>When the next planned reminder falls due, for the background loop's sleep.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        return await transaction.Reminders.NextDueAsync(cancellationToken);
    }

    /// <summary>
    /// Ingatkan: <paramref name="superiorId"/> asks for <paramref name="officialId"/> to be reminded of every item of
    /// theirs that is late by a working day or more and escalates to this superior. Inside working hours it goes out
    /// at once, in the caller's transaction; outside it waits, planned, for the next working moment. Once per item per day.
    /// </summary>
    public async Task<NudgeResult> NudgeAsync(StoreTransaction transaction, string superiorId, string officialId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owed = await finder.FindAsync(transaction, cancellationToken);
        var late = owed.Where(i => i.HolderId == officialId && IsEscalated(i, now) && SuperiorOf(i) == superiorId).ToList();
        if (late.Count == 0)
        {
            return NudgeResult.NotLate;
        }

        var sendAt = calendar.NextWorkingMoment(now);
        var planned = 0;
        foreach (var item in late)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"n:{item.StageKey}:{calendar.LocalDate(sendAt):yyyy-MM-dd}");
            if (await transaction.Reminders.TryPlanAsync(key, nameof(ReminderKind.Nudge), item.HolderId, item.StageKey, superiorId, sendAt, now, cancellationToken))
            {
                planned++;
            }
        }

        if (planned == 0)
        {
            return NudgeResult.AlreadyToday;
        }

        if (sendAt > now)
        {
            return NudgeResult.Queued;
        }

        var sent = await SendDueAsync(transaction, owed.ToDictionary(i => i.StageKey, StringComparer.Ordinal), now, cancellationToken, late.Select(i => i.StageKey).ToHashSet(StringComparer.Ordinal));
        return sent > 0 ? NudgeResult.Sent : NudgeResult.Unreachable;
    }

    /// <summary>The official told about <paramref name="item"/>'s holder being late, if anyone.</summary>
    public string? SuperiorOf(OwedItem item) => office.Reminders.Escalation.SuperiorOf(office.Roles, item.HolderId);

    /// <summary>Late by at least one working day: the point at which the superior hears of it.</summary>
    public bool IsEscalated(OwedItem item, DateTimeOffset now) => calendar.WorkingDaysLate(item.Deadline, now) >= 1;

    private async Task PlanAsync(StoreTransaction transaction, OwedItem item, ReminderSlot slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = $"r:{item.StageKey}:{slot.SlotKey}";
        await transaction.Reminders.TryPlanAsync(key, slot.Kind.ToString(), item.HolderId, item.StageKey, null, slot.At, now, cancellationToken);
    }

    private async Task<int> SendDueAsync(StoreTransaction transaction, IReadOnlyDictionary<string, OwedItem> byStage, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlySet<string>? only = null)
    {
        var sent = 0;
        var due = await transaction.Reminders.DueAsync(now, cancellationToken);
        foreach (var stage in due.Where(r => r.StageKey is not null).GroupBy(r => r.StageKey!))
        {
            if (only is not null && !only.Contains(stage.Key))
            {
                continue;
            }

            if (!byStage.TryGetValue(stage.Key, out var item))
            {
                // The step was done (or the item moved on) before its reminder went out.
                foreach (var row in stage)
                {
                    await transaction.Reminders.CloseAsync(row.Id, "obsolete", now, cancellationToken);
                }

                continue;
            }

            // One message per stage and pass: the newest due row speaks for the older ones it replaces.
            var ordered = stage.OrderBy(r => r.DueAt).ThenBy(r => r.Id).ToList();
            var newest = ordered[^1];
            foreach (var older in ordered.Take(ordered.Count - 1))
            {
                await transaction.Reminders.CloseAsync(older.Id, "superseded", now, cancellationToken);
            }

            var nudgedBy = stage.Select(r => r.RequestedBy).LastOrDefault(r => r is not null);
            var message = messages.Reminder(item, now, nudgedBy is null ? null : BotTexts.Address(office.Official(nudgedBy)));
            var delivered = await OfficialOutbox.SendAsync(transaction, item.HolderId, message.ToOutgoing(), now, cancellationToken);
            await transaction.Reminders.CloseAsync(newest.Id, delivered ? "sent" : "no-chat", now, cancellationToken);
            sent += delivered ? 1 : 0;
        }

        return sent;
    }

    private async Task<int> SendEscalationsAsync(StoreTransaction transaction, IReadOnlyList<OwedItem> owed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        var today = calendar.LocalDate(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bySuperior = owed.Where(i => IsEscalated(i, now)).GroupBy(SuperiorOf).Where(g => g.Key is not null);
        foreach (var group in bySuperior)
        {
            var superiorId = group.Key!;
            if (!await transaction.Reminders.TryPlanAsync($"e:{superiorId}:{today}", nameof(ReminderKind.Escalation), superiorId, null, null, now, now, cancellationToken))
            {
                continue;
            }

            var delivered = await OfficialOutbox.SendAsync(transaction, superiorId, messages.Escalation(superiorId, group.ToList(), now).ToOutgoing(), now, cancellationToken);
            await CloseKeyAsync(transaction, $"e:{superiorId}:{today}", delivered ? "sent" : "no-chat", now, cancellationToken);
            sent += delivered ? 1 : 0;
        }

        return sent;
    }

    private async Task<int> SendWeeklyDigestAsync(StoreTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (office.Reminders.WeeklyDigestDay is not { } day
            || ReminderSchedule.WeeklyDigestDue(calendar, day, office.Reminders.WeeklyDigestTime, now) is not { } due)
        {
            return 0;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"w:{office.Roles.HeadId}:{calendar.LocalDate(due):yyyy-MM-dd}");
        if (!await transaction.Reminders.TryPlanAsync(key, nameof(ReminderKind.WeeklyDigest), office.Roles.HeadId, null, null, due, now, cancellationToken))
        {
            return 0;
        }

        var digest = await weekly.BuildAsync(transaction, now, cancellationToken);
        var delivered = digest is not null && await OfficialOutbox.SendAsync(transaction, office.Roles.HeadId, digest.ToOutgoing(), now, cancellationToken);
        await CloseKeyAsync(transaction, key, digest is null ? "nothing-open" : delivered ? "sent" : "no-chat", now, cancellationToken);
        return delivered ? 1 : 0;
    }

    private static Task CloseKeyAsync(StoreTransaction transaction, string key, string outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Reminders.CloseByKeyAsync(key, outcome, now, cancellationToken);
}
