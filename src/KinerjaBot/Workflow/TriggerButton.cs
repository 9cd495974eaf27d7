namespace KinerjaBot.Workflow;

/// <summary>
/// What the configuration says about one permitted trigger beside its transition: the button's label, whether a
/// reason must be typed first, whether it starts a new revision, and whether it is offered as a button of its own
/// (a return to the previous stage is offered only as an answer to "ke mana?", a reopen only as part of a report return).
/// </summary>
public sealed record TriggerButton(WorkflowTrigger Trigger, string Label, WorkflowRole Role, bool RequiresReason, bool StartsRevision, bool Offered);
