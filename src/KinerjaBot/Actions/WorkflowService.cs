using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Actions;

/// <summary>
/// Asks and fires the Stateless machines of stored instances: the buttons an official is shown, whether a press is
/// accepted, who holds a step, and the transition itself with its effects, all inside the caller's transaction.
/// Every machine is built with today's Plt. / Plh. roster (office-local date), so a stand-in is asked and accepted
/// exactly where the absent official would be.
/// </summary>
public sealed class WorkflowService(WorkflowCatalog catalog, TimeProvider timeProvider, ActingRegister? acting = null)
{
    /// <summary>The Plt. / Plh. assignments every machine of this service resolves roles with.</summary>
    public ActingRegister Acting { get; } = acting ?? new ActingRegister(catalog.Office);

    /// <summary>Who stands in for whom today, in the office's time zone.</summary>
    public ActingRoster Today() =>
        Acting.RosterOn(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), catalog.Office.Office.TimeZone).DateTime));

    /// <summary>Who receives <paramref name="officialId"/>'s buttons and reminders today: their stand-in, or themselves.</summary>
    public string RecipientFor(string officialId) => Today().ActorFor(officialId);

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
        var machine = catalog.Rent(instance, effects, Today());
        if (await machine.RefusalAsync(trigger, request, expectedVersion, reasonGiven: true) is { } refusal)
        {
            catalog.Return(machine);
            return FireOutcome.Refused(instance, refusal);
        }

        // The version check in the UPDATE is the real guard: it also holds when another process wrote in between.
        var now = timeProvider.GetUtcNow();
        var fired = await machine.FireAsync(trigger, request, now, moved => transaction.Workflows.TryApplyAsync(moved, now, cancellationToken));
        if (fired is null)
        {
            // A lost race left the machine between states: it is not reused.
            return FireOutcome.Refused(instance, RefusalReason.StaleVersion);
        }

        catalog.Return(machine);
        return FireOutcome.Moved(fired.After, fired.Audit);
    }

    /// <summary>The states in which a workflow of <paramref name="kind"/> can offer <paramref name="trigger"/> to anyone.</summary>
    public IReadOnlyCollection<WorkflowState> StatesOffering(WorkflowKind kind, WorkflowTrigger trigger) => catalog.StatesOffering(kind, trigger);

    /// <summary>The triggers the official may fire on the instance now, each with its button.</summary>
    public async Task<IReadOnlyList<TriggerButton>> PermittedAsync(WorkflowInstance instance, string officialId)
    {
        var machine = catalog.Rent(instance, roster: Today());
        var permitted = await machine.PermittedAsync(officialId);
        catalog.Return(machine);
        return permitted;
    }

    /// <summary>
    /// Why a press by <paramref name="officialId"/> on a button shown at <paramref name="expectedVersion"/> would be
    /// refused, or null when it is accepted (a reason, if one is needed, is asked for after the press).
    /// </summary>
    public async Task<RefusalReason?> PressRefusalAsync(WorkflowInstance instance, WorkflowTrigger trigger, string officialId, int expectedVersion)
    {
        var machine = catalog.Rent(instance, roster: Today());
        var refusal = await machine.RefusalAsync(trigger, new TransitionRequest(officialId), expectedVersion, reasonGiven: false);
        catalog.Return(machine);
        return refusal;
    }

    /// <summary>The trigger's button in the instance's current state, or null when the state has no such transition.</summary>
    public TriggerButton? ButtonFor(WorkflowInstance instance, WorkflowTrigger trigger)
    {
        var machine = catalog.Rent(instance, roster: Today());
        var button = machine.ButtonFor(trigger);
        catalog.Return(machine);
        return button;
    }

    /// <summary>
    /// Who holds the instance's step now: the official the machine permits to act, unless the state is one where nobody
    /// owes anything. /status, the reminders and the escalation digests all ask this.
    /// </summary>
    public async Task<string?> HolderAsync(WorkflowInstance instance) => await HolderAsync(instance, Today());

    /// <summary>Who would hold the step if nobody stood in for anybody: the official whose work a Plt. / Plh. does.</summary>
    public Task<string?> OwnHolderAsync(WorkflowInstance instance) => HolderAsync(instance, ActingRoster.None);

    private async Task<string?> HolderAsync(WorkflowInstance instance, ActingRoster roster)
    {
        var machine = catalog.Rent(instance, roster: roster);
        try
        {
            if (machine.IsResting)
            {
                return null;
            }

            // Only a button of its own makes a step someone's: an operator may close any open unit (/tutup), which
            // does not make every unit the operator's to do.
            foreach (var official in catalog.Office.Officials)
            {
                if ((await machine.PermittedAsync(official.Id)).Any(button => button.Offered))
                {
                    return official.Id;
                }
            }

            return null;
        }
        finally
        {
            catalog.Return(machine);
        }
    }
}
