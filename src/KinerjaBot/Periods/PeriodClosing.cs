using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Periods;

/// <summary>
/// Closing a period opened by mistake (/tutup) and opening it again (/buka). Closing fires Close on every unit's
/// submission through its machine (so the audit keeps who, when and why, and every button shown before is stale) and
/// records the closing; it is allowed only while no unit has ever been verified. Opening again fires OpenAgain, so each
/// unit starts over from Mulai isi with a new fill deadline; values typed before the closing are kept as answers.
/// </summary>
public sealed class PeriodClosing(OfficeConfiguration office, WorkflowService workflows, WorkingCalendar calendar)
{
    /// <summary>Whether <paramref name="period"/> may be closed now, and the first unit already verified when not.</summary>
    public async Task<(PeriodClosingStatus Status, Unit? VerifiedUnit)> CheckAsync(StoreTransaction transaction, Period period, CancellationToken cancellationToken)
    {
        if (await transaction.Periods.GetAsync(period.Id, cancellationToken) is null)
        {
            return (PeriodClosingStatus.NotOpen, null);
        }

        if (await transaction.Closures.IsClosedAsync(period.Id, cancellationToken))
        {
            return (PeriodClosingStatus.AlreadyClosed, null);
        }

        foreach (var submission in await UnitSubmissionsAsync(transaction, period, cancellationToken))
        {
            // Verified once counts too: a unit reopened from the report still had checked data.
            var audit = await transaction.Audit.ForInstanceAsync(submission.Id, cancellationToken);
            if (submission.State == UnitSubmissionWorkflow.Verified || audit.Any(a => a.To == UnitSubmissionWorkflow.Verified))
            {
                return (PeriodClosingStatus.Verified, office.Units.FirstOrDefault(u => u.Id == submission.UnitId));
            }
        }

        return (PeriodClosingStatus.Closable, null);
    }

    /// <summary>
    /// Closes the period: Close on every unit's submission (its effects tell whoever held the step), then the closing
    /// record. Returns how many units were closed; the caller checks <see cref="CheckAsync"/> first.
    /// </summary>
    public async Task<int> CloseAsync(StoreTransaction transaction, Period period, string operatorId, string reason, DateTimeOffset now, IWorkflowEffects effects, CancellationToken cancellationToken)
    {
        var closed = 0;
        foreach (var submission in await UnitSubmissionsAsync(transaction, period, cancellationToken))
        {
            var outcome = await workflows.FireAsync(transaction, submission.Id, WorkflowTrigger.Close, new TransitionRequest(operatorId, reason), submission.Version, effects, cancellationToken);
            closed += outcome.Succeeded ? 1 : 0;
        }

        await transaction.Closures.RecordClosedAsync(period.Id, operatorId, reason, now, cancellationToken);
        return closed;
    }

    /// <summary>
    /// Opens a closed period again: OpenAgain on every closed unit, a new fill deadline from now. Null when the period
    /// is not closed (the caller then opens it as new or says it is open).
    /// </summary>
    public async Task<PeriodOpeningResult?> ReopenAsync(StoreTransaction transaction, Period period, string openedBy, DateTimeOffset now, IWorkflowEffects effects, CancellationToken cancellationToken)
    {
        if (!await transaction.Closures.IsClosedAsync(period.Id, cancellationToken))
        {
            return null;
        }

        var deadline = calendar.DeadlineFrom(now, office.Deadlines.Fill);
        await transaction.Closures.RecordReopenedAsync(period.Id, openedBy, deadline, now, cancellationToken);
        var invited = new List<InvitedUnit>();
        foreach (var submission in await UnitSubmissionsAsync(transaction, period, cancellationToken))
        {
            var outcome = await workflows.FireAsync(transaction, submission.Id, WorkflowTrigger.OpenAgain, new TransitionRequest(openedBy), submission.Version, effects, cancellationToken);
            if (outcome.Succeeded && office.Units.FirstOrDefault(u => u.Id == submission.UnitId) is { } unit)
            {
                await transaction.Workflows.SetStageDeadlineAsync(submission.Id, deadline, cancellationToken);
                invited.Add(new InvitedUnit(unit.Id, unit.HeadId, submission.Id));
            }
        }

        return new PeriodOpeningResult(PeriodOpeningStatus.Opened, invited, deadline);
    }

    private static async Task<IReadOnlyList<WorkflowInstance>> UnitSubmissionsAsync(StoreTransaction transaction, Period period, CancellationToken cancellationToken) =>
        (await transaction.Workflows.ListForPeriodAsync(period.Id, cancellationToken)).Where(i => i.Kind == WorkflowKind.UnitSubmission).ToList();
}
