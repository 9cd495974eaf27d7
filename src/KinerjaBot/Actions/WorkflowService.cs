using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Actions;

/// <summary>
/// Asks and fires the Stateless machines of stored instances: the buttons an official is shown, whether a press is
/// accepted, who holds a step, and the transition itself with its effects, all inside the caller's transaction.
/// </summary>
public sealed class WorkflowService(WorkflowCatalog catalog, TimeProvider timeProvider)
{
    /// <summary>
    /// Fires <paramref name="trigger"/> inside <paramref name="transaction"/>: checks it like a press, saves the move
    /// and its audit entry, then runs the effects registered beside the transition. The caller commits, together with
    /// whatever data the effects changed; a refusal changes nothing.
    /// </summary>
    public async Task<FireOutcome> FireAsync(
        StoreTransaction transaction,
        long instanceId,
        WorkflowTrigger trigger,
        TransitionRequest request,
        int expectedVersion,
        IWorkflowEffects effects,
        CancellationToken cancellationToken)
    {
        var instance = await transaction.Workflows.GetAsync(instanceId, cancellationToken)
            ?? throw new KeyNotFoundException($"Workflow instance {instanceId} does not exist.");
        var machine = catalog.MachineFor(instance, effects);
        if (await machine.RefusalAsync(trigger, request, expectedVersion, reasonGiven: true) is { } refusal)
        {
            return FireOutcome.Refused(instance, refusal);
        }

        // The version check in the UPDATE is the real guard: it also holds when another process wrote in between.
        var now = timeProvider.GetUtcNow();
        var fired = await machine.FireAsync(trigger, request, now, moved => transaction.Workflows.TryApplyAsync(moved, now, cancellationToken));
        return fired is null
            ? FireOutcome.Refused(instance, RefusalReason.StaleVersion)
            : FireOutcome.Moved(fired.After, fired.Audit);
    }

    /// <summary>The triggers the official may fire on the instance now, each with its button.</summary>
    public Task<IReadOnlyList<TriggerButton>> PermittedAsync(WorkflowInstance instance, string officialId) =>
        catalog.MachineFor(instance).PermittedAsync(officialId);

    /// <summary>
    /// Why a press by <paramref name="officialId"/> on a button shown at <paramref name="expectedVersion"/> would be
    /// refused, or null when it is accepted (a reason, if one is needed, is asked for after the press).
    /// </summary>
    public Task<RefusalReason?> PressRefusalAsync(WorkflowInstance instance, WorkflowTrigger trigger, string officialId, int expectedVersion) =>
        catalog.MachineFor(instance).RefusalAsync(trigger, new TransitionRequest(officialId), expectedVersion, reasonGiven: false);

    /// <summary>The trigger's button in the instance's current state, or null when the state has no such transition.</summary>
    public TriggerButton? ButtonFor(WorkflowInstance instance, WorkflowTrigger trigger) => catalog.MachineFor(instance).ButtonFor(trigger);

    /// <summary>
    /// Who holds the instance's step now: the official the machine permits to act, unless the state is one where nobody
    /// owes anything. /status, the reminders and the escalation digests all ask this.
    /// </summary>
    public async Task<string?> HolderAsync(WorkflowInstance instance)
    {
        var machine = catalog.MachineFor(instance);
        if (machine.IsResting)
        {
            return null;
        }

        foreach (var official in catalog.Office.Officials)
        {
            if ((await machine.PermittedAsync(official.Id)).Count > 0)
            {
                return official.Id;
            }
        }

        return null;
    }
}
