using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>/status: the newest period's progress per unit, with who holds each item and until when.</summary>
public sealed class StatusReport(WorkflowService workflows)
{
    public async Task<MessageText> BuildAsync(ConversationContext context)
    {
        var periods = await context.Transaction.Periods.AllAsync(context.CancellationToken);
        if (periods.Count == 0)
        {
            return MessageText.Of("Belum ada periode yang dibuka.");
        }

        // Every period still in progress (several can run side by side); when all are signed, the newest one.
        var shown = new List<(string PeriodId, IReadOnlyList<WorkflowInstance> Instances)>();
        foreach (var period in periods.Reverse())
        {
            var instances = await context.Transaction.Workflows.ListForPeriodAsync(period.PeriodId, context.CancellationToken);
            if (instances.Any(i => (i.Kind == WorkflowKind.OfficeReport && i.State != OfficeReportWorkflow.Signed) || (i.Kind == WorkflowKind.FormatApproval && i.State != FormatApprovalWorkflow.Signed))
                && !UnitSubmissionWorkflow.IsPeriodClosed(instances))
            {
                shown.Add((period.PeriodId, instances));
            }
        }

        if (shown.Count == 0)
        {
            shown.Add((periods[0].PeriodId, await context.Transaction.Workflows.ListForPeriodAsync(periods[0].PeriodId, context.CancellationToken)));
        }

        var text = new MessageText();
        foreach (var (periodId, instances) in shown)
        {
            if (text.Spans.Count > 0)
            {
                text.Line();
            }

            await AppendPeriodAsync(context, text, periodId, instances);
        }

        return text;
    }

    private async Task AppendPeriodAsync(ConversationContext context, MessageText text, string periodId, IReadOnlyList<WorkflowInstance> instances)
    {
        var zone = context.Office.Office.TimeZone;
        text.Bold($"Status {Period.Parse(periodId).DisplayName}").Line().Line();
        foreach (var instance in instances.Where(i => i.Kind == WorkflowKind.UnitSubmission))
        {
            var unit = context.Office.Units.FirstOrDefault(u => u.Id == instance.UnitId);
            if (unit is null)
            {
                continue;
            }

            var holderId = await workflows.HolderAsync(instance);
            var label = Describe(instance, holderId, unit);
            text.Plain("• ").Bold(unit.Name).Plain($": {label}");
            if (holderId is not null)
            {
                text.Plain($" — {context.Office.Official(holderId).Name}");
                if (await context.Transaction.Chats.FindByOfficialAsync(holderId, context.CancellationToken) is null)
                {
                    // The operator's cue to phone someone: no message can reach them yet.
                    text.Plain(" (belum mendaftar di KinerjaBot)");
                }

                var due = await context.Transaction.Workflows.GetStageDeadlineAsync(instance.Id, context.CancellationToken);
                if (due is { } d)
                {
                    text.Plain(d < context.Now ? $" (terlambat, batas {IndonesianFormat.DateTime(d, zone)})" : $" (batas {IndonesianFormat.DateTime(d, zone)})");
                }
            }

            text.Line();
        }

        if (instances.FirstOrDefault(i => i.Kind == WorkflowKind.FormatApproval && i.State != FormatApprovalWorkflow.Signed) is { } format
            && await workflows.HolderAsync(format) is { } formatHolder)
        {
            text.Plain("Format data: ").Line($"{FormatApprovalWorkflow.StepNoun(format.State)} — {context.Office.Official(formatHolder).Name}; kepala unit diminta mengisi setelah format ditandatangani");
        }

        var report = instances.FirstOrDefault(i => i.Kind == WorkflowKind.OfficeReport);
        if (report is not null)
        {
            var stage = OfficeReportWorkflow.StageOf(context.Office, report.State);
            var holderId = await workflows.HolderAsync(report);
            text.Line().Plain("Laporan kantor: ").Line(report.State == OfficeReportWorkflow.Signed
                ? "sudah ditandatangani"
                : stage is null || holderId is null ? "menunggu semua unit terverifikasi" : $"tahap {OfficeReportWorkflow.StageNoun(stage.Kind)} — {context.Office.Official(holderId).Name}");
        }
    }

    private static string Describe(WorkflowInstance instance, string? holderId, Configuration.Unit unit) =>
        instance.State == UnitSubmissionWorkflow.Closed ? "ditutup"
        : holderId is null ? "terverifikasi"
        : holderId != unit.HeadId ? "menunggu verifikasi"
        : instance.State == UnitSubmissionWorkflow.NotStarted ? "belum dimulai"
        : instance.State == UnitSubmissionWorkflow.Returned ? "dikembalikan"
        : "sedang diisi";
}
