using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reminders;

/// <summary>
/// The Indonesian text of reminders and digests. The buttons are the triggers the workflow machine permits the holder
/// (<see cref="OwedItem.HolderButtons"/>, turned into choices by <see cref="WorkflowChoices"/> as everywhere else), so a
/// reminder's button does exactly what the original message's button does, and is re-checked the same way when pressed.
/// </summary>
public sealed class ReminderMessages(OfficeConfiguration office, WorkingCalendar calendar)
{
    private TimeZoneInfo Zone => office.Office.TimeZone;

    /// <summary>The reminder to the holder of <paramref name="item"/>; <paramref name="nudgedBy"/> is the superior who asked for it, as addressed ("Bapak Hendra Saputra, S.E.").</summary>
    public ReminderMessage Reminder(OwedItem item, DateTimeOffset now, string? nudgedBy)
    {
        var holder = office.Official(item.HolderId);
        var text = new MessageText()
            .BoldLine("Pengingat")
            .Line($"Yth. {BotTexts.Address(holder)},");
        var (owed, hint, choices) = Describe(item);
        text.Line(owed);
        text.Plain("Batas waktu: ").Bold(IndonesianFormat.DateTime(item.Deadline, Zone)).Line(RelativeDay(item.Deadline, now));
        if (now > item.Deadline)
        {
            var late = calendar.WorkingDaysLate(item.Deadline, now);
            text.BoldLine(late == 0 ? "Batas waktu sudah lewat." : $"Sudah terlambat {late} hari kerja.");
        }

        if (nudgedBy is not null)
        {
            text.Line($"{nudgedBy} meminta agar tahap ini segera diselesaikan.");
        }

        text.Line().Plain(hint);
        return new ReminderMessage(text, choices);
    }

    /// <summary>The daily digest to a superior: everyone under them late by a working day or more, with Ingatkan each.</summary>
    public ReminderMessage Escalation(string superiorId, IReadOnlyList<OwedItem> late, DateTimeOffset now)
    {
        var superior = office.Official(superiorId);
        var text = new MessageText()
            .Bold($"Rekap keterlambatan — {IndonesianFormat.DateWithDay(calendar.LocalDate(now))}").Line()
            .Line($"Yth. {BotTexts.Address(superior)},")
            .Line("tahapan berikut terlambat satu hari kerja atau lebih:");
        var choices = new List<IReadOnlyList<Choice>>();
        foreach (var byHolder in late.GroupBy(i => i.HolderId))
        {
            var holder = office.Official(byHolder.Key);
            foreach (var item in byHolder)
            {
                text.Plain("• ").Bold(holder.Name).Line($": {Summary(item)} — terlambat {calendar.WorkingDaysLate(item.Deadline, now)} hari kerja (batas {IndonesianFormat.DateTime(item.Deadline, Zone)})");
            }

            choices.Add([new Choice($"{BotTexts.Nudge} {ShortName(holder)}", CallbackAction.ForNudge(holder.Id))]);
        }

        text.Line().Plain($"Tekan \"{BotTexts.Nudge} …\" untuk mengirim pengingat kepada yang bersangkutan sekarang.");
        return new ReminderMessage(text, choices);
    }

    /// <summary>One line of what an item is, for digests: "verifikasi data Seksi Pemerintahan (Triwulan III 2026)".</summary>
    public string Summary(OwedItem item)
    {
        var what = item.Instance.Kind == WorkflowKind.FormatApproval ? FormatApprovalWorkflow.StepNoun(item.Instance.State)
            : item.ChainStage is { } stage ? $"{StageNoun(stage.Kind)} laporan kantor"
            : item.Instance.State == UnitSubmissionWorkflow.Returned ? $"perbaikan data {item.Unit!.Name}"
            : item.HolderId == item.Unit!.HeadId ? $"pengisian data {item.Unit.Name}"
            : $"verifikasi data {item.Unit.Name}";
        return $"{what} ({item.Period.DisplayName})";
    }

    /// <summary>The name without titles after the comma, for button labels: "Ingatkan Rudi Hartono".</summary>
    public static string ShortName(Official official) => official.Name.Split(',')[0].Trim();

    private (string Owed, string Hint, IReadOnlyList<IReadOnlyList<Choice>> Choices) Describe(OwedItem item)
    {
        var period = item.Period.DisplayName;
        var choices = WorkflowChoices.From(item.Instance, item.HolderButtons);
        if (item.Instance.Kind == WorkflowKind.FormatApproval)
        {
            return item.Instance.State == FormatApprovalWorkflow.Correction
                ? ($"Draf format data kinerja {period} yang dikembalikan belum dikirim ulang.", $"Setelah indicators.yaml diperbaiki, ketik /format atau tekan \"{FormatApprovalWorkflow.ResendLabel}\".", choices)
                : ($"Draf format data kinerja {period} menunggu {FormatApprovalWorkflow.StepNoun(item.Instance.State)} Bapak/Ibu.",
                    $"Draf ada pada pesan sebelumnya. Tekan \"{FormatApprovalWorkflow.ApproveLabel(item.Instance.State)}\" bila sudah sesuai, atau \"{BotTexts.Return}\" untuk mengembalikan dengan alasan.",
                    choices);
        }

        if (item.ChainStage is { } stage)
        {
            var label = OfficeReportWorkflow.ApproveLabel(stage.Kind);
            return ($"Laporan data kinerja {period} menunggu {StageNoun(stage.Kind)} Bapak/Ibu.",
                $"Draf laporan ada pada pesan sebelumnya. Tekan \"{label}\" bila sudah sesuai, atau \"{BotTexts.Return}\" untuk mengembalikan dengan alasan.",
                choices);
        }

        var unit = item.Unit!;
        var state = item.Instance.State;
        if (item.HolderId != unit.HeadId)
        {
            return ($"Data {unit.Name} — {period} menunggu verifikasi Bapak/Ibu.",
                $"Rincian data ada pada pesan verifikasi sebelumnya. Tekan \"{BotTexts.Approve}\" bila data sudah benar, atau \"{BotTexts.Return}\" untuk mengembalikan dengan alasan.",
                choices);
        }

        if (state == UnitSubmissionWorkflow.Returned)
        {
            return ($"Data {unit.Name} — {period} yang dikembalikan belum diperbaiki.",
                $"Tekan \"{BotTexts.Fix}\" untuk memperbaiki; nilai yang sudah benar tidak perlu diisi ulang.",
                choices);
        }

        if (state == UnitSubmissionWorkflow.Filling)
        {
            return (BotTexts.UnfinishedFillingText(unit, item.Period), "Data yang sudah diisi tetap tersimpan.", []);
        }

        return ($"Pengisian data {unit.Name} — {period} belum dimulai.",
            $"Tekan \"{BotTexts.StartFilling}\" untuk mulai mengisi. Indikator akan ditanyakan satu per satu.",
            choices);
    }

    private string RelativeDay(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (now > deadline)
        {
            return ".";
        }

        var days = calendar.LocalDate(deadline).DayNumber - calendar.LocalDate(now).DayNumber;
        return days switch
        {
            0 => " (hari ini).",
            1 => " (besok).",
            _ => ".",
        };
    }

    private static string StageNoun(ChainStageKind kind) => OfficeReportWorkflow.StageNoun(kind);
}
