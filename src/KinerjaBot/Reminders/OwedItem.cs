using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reminders;

/// <summary>
/// One step somebody still owes: a unit head's filling or fixing, a verifier's check, or a report chain stage.
/// <see cref="StageKey"/> names the instance, the step and its deadline, so each round of a step is reminded on
/// its own and a step done and come back with the same deadline is not reminded twice. <see cref="HolderButtons"/>
/// are what the machine permits the holder now: the buttons a reminder carries.
/// </summary>
public sealed record OwedItem(
    WorkflowInstance Instance,
    Period Period,
    string HolderId,
    DateTimeOffset Deadline,
    DateTimeOffset StageStart,
    string StageKey,
    Unit? Unit,
    ChainStage? ChainStage,
    IReadOnlyList<TriggerButton> HolderButtons);
