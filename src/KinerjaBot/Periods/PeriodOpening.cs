using KinerjaBot.Actions;
using KinerjaBot.Conversations;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Periods;

/// <summary>
/// Opens a period (SOP: copy and distribute the format to each section): creates a submission per reporting unit
/// and the office report, fixes the fill deadline, and queues the opening message to every registered unit head.
/// Used by /buka and by the <c>period open</c> command.
/// </summary>
public sealed class PeriodOpening(ConversationServices services)
{
    public async Task<PeriodOpeningResult> OpenAsync(ConversationContext context, Period period, string openedBy)
    {
        var units = services.Office.UnitsReporting(period);
        if (units.Count == 0)
        {
            return PeriodOpeningResult.NoIndicators;
        }

        var deadline = services.Calendar.DeadlineFrom(context.Now, services.Office.Deadlines.Fill);
        if (!await context.Transaction.Periods.TryOpenAsync(new OpenedPeriod(period.Id, context.Now, openedBy, deadline), context.CancellationToken))
        {
            return PeriodOpeningResult.AlreadyOpen;
        }

        var delivered = 0;
        foreach (var unit in units)
        {
            var instance = await context.Transaction.Workflows.CreateAsync(WorkflowKind.UnitSubmission, period.Id, unit.Id, UnitSubmissionWorkflow.NotStarted, context.Now, context.CancellationToken);
            await context.Transaction.Workflows.SetStageDeadlineAsync(instance.Id, deadline, context.CancellationToken);
            var submission = (await SubmissionSnapshot.LoadAsync(context, instance.Id))!;
            if (await context.SendToAsync(unit.HeadId, PendingWork.OpeningText(context, submission, deadline), await WorkflowChoices.ForAsync(services.Workflows, submission.Instance, unit.HeadId)))
            {
                delivered++;
            }
        }

        await context.Transaction.Workflows.CreateAsync(WorkflowKind.OfficeReport, period.Id, null, OfficeReportWorkflow.Collecting, context.Now, context.CancellationToken);
        return new PeriodOpeningResult(PeriodOpeningStatus.Opened, units.Count, delivered, deadline);
    }
}
