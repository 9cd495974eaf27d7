using System.Globalization;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reminders;

/// <summary>
/// Finds who still owes what, in every opened period: unit heads whose submission is NotStarted, Filling or
/// Returned; the verifier at the current SubmittedN position; the chain official holding a report stage. Items
/// that are done, or whose unit was removed from office.yaml, owe nothing.
/// </summary>
public sealed class OwedWorkFinder(OfficeConfiguration office, WorkingCalendar calendar)
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
        var stored = await transaction.Workflows.GetStageDeadlineAsync(instance.Id, cancellationToken);
        if (instance.Kind == WorkflowKind.OfficeReport)
        {
            var stage = OfficeReportWorkflow.StageOf(office, instance.State);
            if (stage is null || stored is not { } due)
            {
                return null;
            }

            var entered = (await transaction.Audit.ForInstanceAsync(instance.Id, cancellationToken)).LastOrDefault()?.AtUtc ?? opened.OpenedAt;
            return new OwedItem(instance, period, stage.OfficialId, due, entered, Key(instance, instance.State.Name, due), null, stage);
        }

        var unit = office.Units.FirstOrDefault(u => u.Id == instance.UnitId);
        if (unit is null)
        {
            return null;
        }

        var state = instance.State;
        if (UnitSubmissionWorkflow.VerifierPosition(state) is { } position && position <= unit.VerifierIds.Count)
        {
            if (stored is not { } verifyBy)
            {
                return null;
            }

            var submitted = (await transaction.Audit.ForInstanceAsync(instance.Id, cancellationToken)).LastOrDefault()?.AtUtc ?? opened.OpenedAt;
            return new OwedItem(instance, period, unit.VerifierIds[position - 1], verifyBy, submitted, Key(instance, $"verify{position}", verifyBy), unit, null);
        }

        if (state != UnitSubmissionWorkflow.NotStarted && state != UnitSubmissionWorkflow.Filling && state != UnitSubmissionWorkflow.Returned)
        {
            return null;
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
            var fixBy = calendar.DeadlineFrom(returned.AtUtc, office.Deadlines.Verify);
            deadline = fixBy > opened.FillDeadline ? fixBy : opened.FillDeadline;
            start = returned.AtUtc;
        }
        else
        {
            deadline = opened.FillDeadline;
            start = opened.OpenedAt;
        }

        return new OwedItem(instance, period, unit.HeadId, deadline, start, Key(instance, "fill", deadline), unit, null);
    }

    private static string Key(WorkflowInstance instance, string step, DateTimeOffset deadline) =>
        string.Create(CultureInfo.InvariantCulture, $"{instance.Id}:{step}:{deadline.ToUniversalTime():yyyyMMddHHmm}");
}
