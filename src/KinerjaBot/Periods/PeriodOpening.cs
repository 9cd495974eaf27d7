using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Periods;

/// <summary>
/// Opens a period (SOP: copy and distribute the format to each section): creates a submission per reporting unit
/// and the office report and fixes the fill deadline, in the caller's transaction. It says who is invited and leaves
/// telling them to the caller (/buka and the <c>period open</c> command both use the conversation layer's
/// <c>PeriodAnnouncer</c>), so opening needs no chat.
/// </summary>
public sealed class PeriodOpening(OfficeConfiguration office, WorkingCalendar calendar)
{
    public async Task<PeriodOpeningResult> OpenAsync(StoreTransaction transaction, Period period, string openedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var units = office.UnitsReporting(period);
        if (units.Count == 0)
        {
            return PeriodOpeningResult.NoIndicators;
        }

        var deadline = calendar.DeadlineFrom(now, office.Deadlines.Fill);
        if (!await transaction.Periods.TryOpenAsync(new OpenedPeriod(period.Id, now, openedBy, deadline), cancellationToken))
        {
            return PeriodOpeningResult.AlreadyOpen;
        }

        if (office.FormatApproval.Enabled)
        {
            // The unit heads are asked only once the format is signed (InviteAsync); until then the period holds the draft.
            var format = await transaction.Workflows.CreateAsync(WorkflowKind.FormatApproval, period.Id, null, FormatApprovalWorkflow.Review, now, cancellationToken);
            await transaction.Workflows.SetStageDeadlineAsync(format.Id, calendar.DeadlineFrom(now, office.FormatApproval.Review), cancellationToken);
            return new PeriodOpeningResult(PeriodOpeningStatus.FormatDrafted, [], deadline) { FormatApprovalId = format.Id };
        }

        return await CreateItemsAsync(transaction, period, units, deadline, now, cancellationToken);
    }

    /// <summary>
    /// The format of an opened period was signed: the fill deadline starts now, and every reporting unit gets its
    /// submission (and the office its report), as an opening without format approval does at once.
    /// </summary>
    public async Task<PeriodOpeningResult> InviteAsync(StoreTransaction transaction, Period period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deadline = calendar.DeadlineFrom(now, office.Deadlines.Fill);
        await transaction.Periods.SetFillDeadlineAsync(period.Id, deadline, cancellationToken);
        return await CreateItemsAsync(transaction, period, office.UnitsReporting(period), deadline, now, cancellationToken);
    }

    private static async Task<PeriodOpeningResult> CreateItemsAsync(StoreTransaction transaction, Period period, IReadOnlyList<Unit> units, DateTimeOffset deadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invited = new List<InvitedUnit>();
        foreach (var unit in units)
        {
            var instance = await transaction.Workflows.CreateAsync(WorkflowKind.UnitSubmission, period.Id, unit.Id, UnitSubmissionWorkflow.NotStarted, now, cancellationToken);
            await transaction.Workflows.SetStageDeadlineAsync(instance.Id, deadline, cancellationToken);
            invited.Add(new InvitedUnit(unit.Id, unit.HeadId, instance.Id));
        }

        await transaction.Workflows.CreateAsync(WorkflowKind.OfficeReport, period.Id, null, OfficeReportWorkflow.Collecting, now, cancellationToken);
        return new PeriodOpeningResult(PeriodOpeningStatus.Opened, invited, deadline);
    }
}
