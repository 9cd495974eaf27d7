using System.Collections.Concurrent;
using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>
/// Builds the Stateless machine of one office's workflows for an instance: one configuration per unit (verifier
/// lists differ) and one for the report. Configuring one costs more than using it (Stateless reflects over every
/// guard and action), so machines are rented and returned (<see cref="Rent"/>): each workflow's configuration is
/// built a few times, not per question.
/// </summary>
public sealed class WorkflowCatalog(OfficeConfiguration office)
{
    // Enough for the updates applied at once and the machines their effects ask; beyond it a returned one is dropped.
    private const int IdlePerWorkflow = 8;

    // A queue, not a bag: machines are returned by other threads than the ones that rent them, and a bag steals
    // across threads under a lock (it showed as lock contention in the profile, decisions/0023).
    private readonly ConcurrentDictionary<(WorkflowKind Kind, string? UnitId), ConcurrentQueue<WorkflowMachine>> _idle = new();

    private readonly ConcurrentDictionary<(WorkflowKind Kind, WorkflowTrigger Trigger), IReadOnlyCollection<WorkflowState>> _statesOffering = new();

    public OfficeConfiguration Office { get; } = office;

    /// <summary>
    /// Like <see cref="MachineFor"/>, but an idle machine of the same workflow is reused. Give it back with
    /// <see cref="Return"/> once done, unless its use failed (a machine whose fire threw is not reused).
    /// </summary>
    public WorkflowMachine Rent(WorkflowInstance instance, IWorkflowEffects? effects = null, ActingRoster? roster = null)
    {
        if (_idle.TryGetValue(KeyOf(instance), out var idle) && idle.TryDequeue(out var machine))
        {
            machine.Reuse(instance, effects, UsesRoster(instance.Kind) ? roster : null);
            return machine;
        }

        return MachineFor(instance, effects, roster);
    }

    /// <summary>Makes a rented machine available again; nothing of its last use is kept.</summary>
    public void Return(WorkflowMachine machine)
    {
        var idle = _idle.GetOrAdd(KeyOf(machine.Instance), static _ => []);
        if (idle.Count < IdlePerWorkflow)
        {
            machine.Reuse(machine.Instance, null, null);
            idle.Enqueue(machine);
        }
    }

    /// <summary>
    /// Every state in which some workflow of <paramref name="kind"/> (any unit's) has a <paramref name="trigger"/>
    /// transition, read from the configurations once: lets a question asked on every update read only the instances
    /// that can be in such a step.
    /// </summary>
    public IReadOnlyCollection<WorkflowState> StatesOffering(WorkflowKind kind, WorkflowTrigger trigger) =>
        _statesOffering.GetOrAdd((kind, trigger), key =>
        {
            var units = key.Kind == WorkflowKind.UnitSubmission ? Office.Units.Select(u => (string?)u.Id) : [null];
            return units
                .SelectMany(unitId => MachineFor(new WorkflowInstance(0, key.Kind, string.Empty, unitId, default, 1, 1)).StatesOffering(key.Trigger))
                .ToHashSet();
        });

    private static (WorkflowKind, string?) KeyOf(WorkflowInstance instance) =>
        (instance.Kind, instance.Kind == WorkflowKind.UnitSubmission ? instance.UnitId : null);

    // The format approval and the measurement are the office's, with no stand-ins in their roles.
    private static bool UsesRoster(WorkflowKind kind) => kind is not (WorkflowKind.FormatApproval or WorkflowKind.Measurement);

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
