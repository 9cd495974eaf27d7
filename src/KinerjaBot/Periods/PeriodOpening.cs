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
