using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;

namespace KinerjaBot.Reminders;

/// <summary>
/// Tells both officials once when a Plt. / Plh. range starts (or at once when /wakil sets one for today): the absent
/// official that their buttons and reminders go to the stand-in, the stand-in what they now receive and how their
/// approvals are recorded, followed by every step of the absent official's that is waiting now, with its buttons.
/// Runs from the reminder pass, so a range from office.yaml is announced on its first day without anyone asking.
/// </summary>
public sealed class ActingHandover(KinerjaStore store, OfficeConfiguration office, WorkflowService workflows, OwedWorkFinder finder, ReminderMessages messages, TimeProvider timeProvider)
{
    /// <summary>One pass in its own transaction; returns how many messages it queued.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        var queued = await AnnounceDueAsync(transaction, timeProvider.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return queued;
    }

    /// <summary>Announces every assignment in force today that has not been announced yet.</summary>
    public async Task<int> AnnounceDueAsync(StoreTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = workflows.Today();
        var queued = 0;
        foreach (var assignment in workflows.Acting.All.Where(a => a.Covers(today.Day)))
        {
            queued += await AnnounceAsync(transaction, assignment, now, cancellationToken);
        }

        return queued;
    }

    /// <summary>
    /// Tells the absent official and the stand-in of one assignment, each unless told before; one without a chat yet is
    /// told on a later pass. The stand-in's notice is followed by the absent official's waiting steps. Returns how many
    /// messages it queued.
    /// </summary>
    public async Task<int> AnnounceAsync(StoreTransaction transaction, ActingAssignment assignment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var absent = office.Official(assignment.ForId);
        var standIn = office.Official(assignment.ById);
        var title = assignment.Capacity.TitleFor(office);
        var range = $"{IndonesianFormat.Date(assignment.From)} sampai dengan {IndonesianFormat.Date(assignment.To)}";
        var queued = 0;
        if (await TellOnceAsync(transaction, assignment, absent.Id, new MessageText()
                .Line($"Yth. {BotTexts.Address(absent)},")
                .Plain($"mulai {range}, ").Bold(standIn.Name).Line($" bertugas sebagai {title}.")
                .Plain("Selama itu tombol persetujuan dan pengingat KinerjaBot untuk Bapak/Ibu dikirim kepada beliau, dan tombol pada pesan yang sudah Bapak/Ibu terima tidak dapat dipakai. Sesudahnya semuanya kembali kepada Bapak/Ibu."), now, cancellationToken))
        {
            queued++;
        }

        if (await TellOnceAsync(transaction, assignment, standIn.Id, new MessageText()
                .Line($"Yth. {BotTexts.Address(standIn)},")
                .Plain("Bapak/Ibu bertugas sebagai ").Bold(title).Line($" mulai {range}.")
                .Plain($"Selama itu tombol persetujuan dan pengingat untuk {absent.Name} dikirim kepada Bapak/Ibu. Persetujuan, paraf atau tanda tangan Bapak/Ibu tercatat sebagai {title} dengan nama, pangkat dan NIP Bapak/Ibu sendiri."), now, cancellationToken))
        {
            queued += 1 + await SendOwedAsync(transaction, assignment.ForId, now, cancellationToken);
        }

        return queued;
    }

    /// <summary>
    /// Sends whoever acts for <paramref name="ownerId"/> today every step of <paramref name="ownerId"/>'s that waits now,
    /// as its reminder with buttons: to the stand-in when a range starts, back to the official when it is ended early.
    /// </summary>
    public async Task<int> SendOwedAsync(StoreTransaction transaction, string ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var item in await finder.FindAsync(transaction, cancellationToken))
        {
            if (await workflows.OwnHolderAsync(item.Instance) == ownerId)
            {
                await OfficialOutbox.SendAsync(transaction, item.HolderId, messages.Reminder(item, now, nudgedBy: null).ToOutgoing(), now, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private static async Task<bool> TellOnceAsync(StoreTransaction transaction, ActingAssignment assignment, string officialId, MessageText text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await transaction.Acting.WasToldAsync(assignment.Key, officialId, cancellationToken)
            || !await OfficialOutbox.SendAsync(transaction, officialId, new OutgoingMessage { Text = text.Spans }, now, cancellationToken))
        {
            return false;
        }

        await transaction.Acting.MarkToldAsync(assignment.Key, officialId, now, cancellationToken);
        return true;
    }
}
