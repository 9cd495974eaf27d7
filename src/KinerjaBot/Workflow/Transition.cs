namespace KinerjaBot.Workflow;

/// <summary>
/// One row of a transition table: in <see cref="From"/>, <see cref="Role"/> may fire <see cref="Trigger"/>
/// to move to <see cref="To"/>. <see cref="ButtonLabel"/> is what the official's button says;
/// <see cref="StartsRevision"/> marks the rows after which the data is redone ("Revisi ke-n").
/// </summary>
public sealed record Transition(
    WorkflowState From,
    WorkflowTrigger Trigger,
    WorkflowRole Role,
    WorkflowState To,
    string ButtonLabel,
    bool RequiresReason = false,
    bool StartsRevision = false);
