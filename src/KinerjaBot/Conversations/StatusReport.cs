using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>/status: the newest period's progress per unit, with who holds each item and until when.</summary>
public sealed class StatusReport
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
            if (instances.Any(i => i.Kind == WorkflowKind.OfficeReport && i.State != OfficeReportWorkflow.Signed))
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

    private static async Task AppendPeriodAsync(ConversationContext context, MessageText text, string periodId, IReadOnlyList<WorkflowInstance> instances)
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

            var (label, holderId) = Describe(instance, unit);
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

        var report = instances.FirstOrDefault(i => i.Kind == WorkflowKind.OfficeReport);
        if (report is not null)
        {
            var stage = OfficeReportWorkflow.StageOf(context.Office, report.State);
            text.Line().Plain("Laporan kantor: ").Line(report.State == OfficeReportWorkflow.Signed
                ? "sudah ditandatangani"
                : stage is null ? "menunggu semua unit terverifikasi" : $"tahap {OfficeReportWorkflow.StageNoun(stage.Kind)} — {context.Office.Official(stage.OfficialId).Name}");
        }
    }

    private static (string Label, string? HolderId) Describe(WorkflowInstance instance, Configuration.Unit unit)
    {
        if (instance.State == UnitSubmissionWorkflow.NotStarted)
        {
            return ("belum dimulai", unit.HeadId);
        }

        if (instance.State == UnitSubmissionWorkflow.Filling)
        {
            return ("sedang diisi", unit.HeadId);
        }

        if (instance.State == UnitSubmissionWorkflow.Returned)
        {
            return ("dikembalikan", unit.HeadId);
        }

        if (UnitSubmissionWorkflow.VerifierPosition(instance.State) is { } position)
        {
            return ("menunggu verifikasi", unit.VerifierIds[position - 1]);
        }

        return ("terverifikasi", null);
    }
}
