using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reminders;

/// <summary>
/// The head's weekly summary of the open period (the newest one whose report is not yet signed): per unit, how
/// complete its data is and whether it came in on time, then the office totals and where the report stands.
/// </summary>
public sealed class WeeklyDigestBuilder(OfficeConfiguration office, WorkingCalendar calendar, WorkflowService workflows)
{
    /// <summary>The digest, or null when no period is open (nothing to report, so nothing is sent).</summary>
    public async Task<ReminderMessage?> BuildAsync(StoreTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opened = (await transaction.Periods.AllAsync(cancellationToken)).FirstOrDefault();
        if (opened is null)
        {
            return null;
        }

        var instances = await transaction.Workflows.ListForPeriodAsync(opened.PeriodId, cancellationToken);
        var report = instances.FirstOrDefault(i => i.Kind == WorkflowKind.OfficeReport);
        if (report is null || report.State == OfficeReportWorkflow.Signed || UnitSubmissionWorkflow.IsPeriodClosed(instances))
        {
            return null;
        }

        var zone = office.Office.TimeZone;
        var period = Period.Parse(opened.PeriodId);
        var head = office.Official(office.Roles.HeadId);
        var text = new MessageText()
            .Bold($"Ringkasan mingguan — {period.DisplayName}").Line()
            .Line($"Yth. {BotTexts.Address(head)},")
            .Line($"keadaan per {IndonesianFormat.DateTime(now, zone)}. Batas pengisian: {IndonesianFormat.DateTime(opened.FillDeadline, zone)}.")
            .Line();

        var units = instances.Where(i => i.Kind == WorkflowKind.UnitSubmission && office.Units.Any(u => u.Id == i.UnitId)).ToList();
        var verified = 0;
        var onTime = 0;
        foreach (var instance in units)
        {
            var unit = office.Unit(instance.UnitId!);
            var indicators = office.IndicatorsFor(unit.Id, period).Count;
            var values = await transaction.Values.CurrentAsync(instance.Id, cancellationToken);
            var audit = await transaction.Audit.ForInstanceAsync(instance.Id, cancellationToken);
            var firstSubmit = audit.FirstOrDefault(a => a.Trigger == WorkflowTrigger.Submit)?.AtUtc;
            if (instance.State == UnitSubmissionWorkflow.Verified)
            {
                verified++;
            }

            string timeliness;
            if (firstSubmit is { } submitted)
            {
                var late = submitted > opened.FillDeadline ? calendar.WorkingDaysLate(opened.FillDeadline, submitted) : -1;
                if (late < 0)
                {
                    onTime++;
                }

                timeliness = late < 0 ? "dikirim tepat waktu" : late == 0 ? "dikirim lewat batas waktu" : $"dikirim terlambat {late} hari kerja";
            }
            else
            {
                var late = now > opened.FillDeadline ? calendar.WorkingDaysLate(opened.FillDeadline, now) : -1;
                timeliness = late < 0 ? "belum dikirim, masih dalam batas waktu" : late == 0 ? "belum dikirim, batas waktu sudah lewat" : $"belum dikirim, terlambat {late} hari kerja";
            }

            text.Plain("• ").Bold(unit.Name).Line($": {StateLabel(instance, await workflows.HolderAsync(instance), unit)}, {values.Count}/{indicators} indikator terisi — {timeliness}");
        }

        var reportHolder = await workflows.HolderAsync(report);
        text.Line()
            .Line($"Terverifikasi: {verified} dari {units.Count} unit. Dikirim tepat waktu: {onTime} dari {units.Count} unit.")
            .Plain("Laporan kantor: ").Line(OfficeReportWorkflow.StageOf(office, report.State) is { } stage && reportHolder is not null
                ? $"tahap {OfficeReportWorkflow.StageNoun(stage.Kind)} — {office.Official(reportHolder).Name}"
                : "menunggu semua unit terverifikasi")
            .Plain("Ketik /status untuk keadaan terkini.");
        return new ReminderMessage(text, []);
    }

    private string StateLabel(WorkflowInstance instance, string? holderId, Unit unit) =>
        holderId is null ? "terverifikasi"
        : holderId != unit.HeadId ? $"menunggu verifikasi {office.Official(holderId).Name}"
        : instance.State == UnitSubmissionWorkflow.NotStarted ? "belum dimulai"
        : instance.State == UnitSubmissionWorkflow.Returned ? "dikembalikan untuk diperbaiki"
        : "sedang diisi";
}
