using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>The transition tables of one office: one per unit (verifier lists differ) and one for the report.</summary>
public sealed class WorkflowCatalog
{
    private readonly Dictionary<string, WorkflowDefinition> _units;

    public WorkflowCatalog(OfficeConfiguration office)
    {
        _units = office.Units.ToDictionary(u => u.Id, u => UnitSubmissionWorkflow.Build(office, u), StringComparer.Ordinal);
        Report = OfficeReportWorkflow.Build(office);
    }

    public WorkflowDefinition Report { get; }

    public WorkflowDefinition UnitSubmission(string unitId) =>
        _units.TryGetValue(unitId, out var definition)
            ? definition
            : throw new KeyNotFoundException($"No unit '{unitId}' in the office configuration; was it removed from office.yaml while a period was open?");

    public WorkflowDefinition For(WorkflowInstance instance) =>
        instance.Kind == WorkflowKind.OfficeReport ? Report : UnitSubmission(instance.UnitId!);

    /// <summary>The unit table with the most verifiers: the one worth drawing in the docs.</summary>
    public WorkflowDefinition WidestUnitSubmission() =>
        _units.Values.OrderByDescending(d => d.Transitions.Count).First();
}
