namespace KinerjaBot.Workflow;

/// <summary>A transition that has been saved: the instance before and after, what was asked, and its audit entry.</summary>
public sealed record FiredTransition(WorkflowInstance Before, WorkflowInstance After, TransitionRequest Request, AuditEntry Audit)
{
    public WorkflowTrigger Trigger => Audit.Trigger;
}
