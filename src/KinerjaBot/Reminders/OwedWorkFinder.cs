using System.Globalization;
using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reminders;

/// <summary>
/// Finds who still owes what, in every opened period: whoever the workflow machine says holds each instance's step
/// (a unit head filling or fixing, a verifier, the chain official of a report stage). Items that are done, or whose
/// unit was removed from office.yaml, owe nothing.
/// </summary>
public sealed class OwedWorkFinder(OfficeConfiguration office, WorkingCalendar calendar, WorkflowService workflows)
{
    public async Task<IReadOnlyList<OwedItem>> FindAsync(StoreTransaction transaction, CancellationToken cancellationToken)
    {
        var owed = new List<OwedItem>();
        foreach (var opened in await transaction.Periods.AllAsync(cancellationToken))
        {
            var period = Period.Parse(opened.PeriodId);
            foreach (var instance in await transaction.Workflows.ListForPeriodAsync(opened.PeriodId, cancellationToken))
            {
                if (await DescribeAsync(transaction, opened, period, instance, cancellationToken) is { } item)
                {
                    owed.Add(item);
                }
            }
        }

        return owed;
    }

    private async Task<OwedItem?> DescribeAsync(StoreTransaction transaction, OpenedPeriod opened, Period period, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var unit = office.Units.FirstOrDefault(u => u.Id == instance.UnitId);

        // The measurement report has no deadlines of its own yet, so nothing to remind of.
        if (instance.Kind == WorkflowKind.Measurement)
        {
            return null;
        }

        if ((instance.Kind == WorkflowKind.UnitSubmission && unit is null) || await workflows.HolderAsync(instance) is not { } holderId)
        {
            return null;
        }

        var buttons = await workflows.PermittedAsync(instance, holderId);
        var stored = await transaction.Workflows.GetStageDeadlineAsync(instance.Id, cancellationToken);
        if (instance.Kind == WorkflowKind.FormatApproval)
        {
            if (stored is not { } formatDue)
            {
                return null;
            }

            var since = (await transaction.Audit.ForInstanceAsync(instance.Id, cancellationToken)).LastOrDefault()?.AtUtc ?? opened.OpenedAt;
            return new OwedItem(instance, period, holderId, formatDue, since, Key(instance, $"format-{instance.State.Name}", formatDue), null, null, buttons);
        }

        if (instance.Kind == WorkflowKind.OfficeReport)
        {
            if (OfficeReportWorkflow.StageOf(office, instance.State) is not { } stage || stored is not { } due)
            {
                return null;
            }

            var entered = (await transaction.Audit.ForInstanceAsync(instance.Id, cancellationToken)).LastOrDefault()?.AtUtc ?? opened.OpenedAt;
            return new OwedItem(instance, period, holderId, due, entered, Key(instance, instance.State.Name, due), null, stage, buttons);
        }

        if (holderId != unit!.HeadId)
        {
            if (stored is not { } verifyBy)
            {
                return null;
            }

            var position = unit.VerifierIds.ToList().IndexOf(holderId) + 1;
            var submitted = (await transaction.Audit.ForInstanceAsync(instance.Id, cancellationToken)).LastOrDefault()?.AtUtc ?? opened.OpenedAt;
            return new OwedItem(instance, period, holderId, verifyBy, submitted, Key(instance, $"verify{position}", verifyBy), unit, null, buttons);
        }

        // A return clears the stage deadline (the verifier's is over); the head then owes the fix by the later of the
        // period's fill deadline and one 'verify' duration after the return, the SOP's turnaround for a round.
        var returned = (await transaction.Audit.ForInstanceAsync(instance.Id, cancellationToken)).LastOrDefault(a => a.To == UnitSubmissionWorkflow.Returned);
        DateTimeOffset deadline;
        DateTimeOffset start;
        if (stored is { } fillBy)
        {
            deadline = fillBy;
            start = returned?.AtUtc ?? opened.OpenedAt;
        }
        else if (returned is not null)
        {
            deadline = FixDeadline.After(calendar, office.Deadlines.Verify, returned.AtUtc, opened.FillDeadline);
            start = returned.AtUtc;
        }
        else
        {
            deadline = opened.FillDeadline;
            start = opened.OpenedAt;
        }

        return new OwedItem(instance, period, holderId, deadline, start, Key(instance, "fill", deadline), unit, null, buttons);
    }

    private static string Key(WorkflowInstance instance, string step, DateTimeOffset deadline) =>
        string.Create(CultureInfo.InvariantCulture, $"{instance.Id}:{step}:{deadline.ToUniversalTime():yyyyMMddHHmm}");
}
