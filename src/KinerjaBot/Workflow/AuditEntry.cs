using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>Who moved which instance from where to where, when (UTC) and why, and for whom when they stood in.</summary>
public sealed record AuditEntry(
    long InstanceId,
    DateTimeOffset AtUtc,
    string ActorId,
    WorkflowTrigger Trigger,
    WorkflowState From,
    WorkflowState To,
    string? Reason,
    int Version)
{
    /// <summary>For whom and as what (Plt. / Plh.) the actor acted, or null when they acted as themselves.</summary>
    public ActingCapacity? ActingFor { get; init; }
}
