using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>
/// Builds the Stateless machine of one office's workflows for an instance: one configuration per unit (verifier
/// lists differ) and one for the report. A machine is cheap to configure, so one is built per instance and use.
/// </summary>
public sealed class WorkflowCatalog(OfficeConfiguration office)
{
    public OfficeConfiguration Office { get; } = office;

    /// <summary>
    /// The machine of <paramref name="instance"/>. Without <paramref name="effects"/> it answers questions
    /// (buttons, refusals, holder, diagram) but cannot fire; <paramref name="roster"/> says who stands in for whom today.
    /// </summary>
    public WorkflowMachine MachineFor(WorkflowInstance instance, IWorkflowEffects? effects = null, ActingRoster? roster = null)
    {
        if (instance.Kind == WorkflowKind.OfficeReport)
        {
            return OfficeReportWorkflow.Configure(new WorkflowMachine(instance, OfficeReportWorkflow.Title(Office), effects, roster), Office);
        }

        if (instance.Kind == WorkflowKind.FormatApproval)
        {
            return FormatApprovalWorkflow.Configure(new WorkflowMachine(instance, FormatApprovalWorkflow.Title, effects), Office);
        }

        if (instance.Kind == WorkflowKind.Measurement)
        {
            return MeasurementWorkflow.Configure(new WorkflowMachine(instance, MeasurementWorkflow.Title, effects), Office);
        }

        var unit = Office.Units.FirstOrDefault(u => u.Id == instance.UnitId)
            ?? throw new KeyNotFoundException($"No unit '{instance.UnitId}' in the office configuration; was it removed from office.yaml while a period was open?");
        return UnitSubmissionWorkflow.Configure(new WorkflowMachine(instance, UnitSubmissionWorkflow.Title(unit), effects, roster), Office, unit);
    }

    /// <summary>The machines worth drawing in the docs: the unit with the most verifiers, the report, the format approval and the measurement.</summary>
    public IReadOnlyList<WorkflowMachine> DiagramMachines()
    {
        var widest = Office.Units.OrderByDescending(u => u.VerifierIds.Count).First();
        return
        [
            MachineFor(new WorkflowInstance(0, WorkflowKind.UnitSubmission, string.Empty, widest.Id, UnitSubmissionWorkflow.NotStarted, 1, 1)),
            MachineFor(new WorkflowInstance(0, WorkflowKind.OfficeReport, string.Empty, null, OfficeReportWorkflow.Collecting, 1, 1)),
            MachineFor(new WorkflowInstance(0, WorkflowKind.FormatApproval, string.Empty, null, FormatApprovalWorkflow.Review, 1, 1)),
            MachineFor(new WorkflowInstance(0, WorkflowKind.Measurement, string.Empty, null, MeasurementWorkflow.Preparing, 1, 1)),
        ];
    }
}
