namespace KinerjaBot.Workflow;

/// <summary>Who moved which instance from where to where, when (UTC) and why.</summary>
public sealed record AuditEntry(
    long InstanceId,
    DateTimeOffset AtUtc,
    string ActorId,
    WorkflowTrigger Trigger,
    WorkflowState From,
    WorkflowState To,
    string? Reason,
    int Version);
