using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reminders;

/// <summary>
/// One step somebody still owes: a unit head's filling or fixing, a verifier's check, or a report chain stage.
/// <see cref="StageKey"/> names the instance, the step and its deadline, so each round of a step is reminded on
/// its own and a step done and come back with the same deadline is not reminded twice.
/// </summary>
public sealed record OwedItem(
    WorkflowInstance Instance,
    Period Period,
    string HolderId,
    DateTimeOffset Deadline,
    DateTimeOffset StageStart,
    string StageKey,
    Unit? Unit,
    ChainStage? ChainStage);
