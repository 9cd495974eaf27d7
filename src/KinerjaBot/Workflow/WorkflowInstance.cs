namespace KinerjaBot.Workflow;

/// <summary>
/// A persisted workflow instance. <see cref="Version"/> grows with every transition so a stale or double-tapped
/// button can be recognised; <see cref="Revision"/> counts how often the data was sent back and redone.
/// </summary>
public sealed record WorkflowInstance(
    long Id,
    WorkflowKind Kind,
    string PeriodId,
    string? UnitId,
    WorkflowState State,
    int Version,
    int Revision);
