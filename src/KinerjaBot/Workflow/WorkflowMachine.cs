using Stateless;
using Stateless.Graph;

namespace KinerjaBot.Workflow;

/// <summary>
/// One workflow instance driven by its Stateless configuration. The state lives in the persisted
/// <see cref="WorkflowInstance"/> (Stateless's external state accessor and mutator); every trigger takes the same
/// <see cref="TransitionRequest"/>; each permit is guarded by a role whose description is the role's name. The
/// buttons (<see cref="PermittedAsync"/>), the presses accepted (<see cref="RefusalAsync"/>), the holder of the step
/// and the diagram (<see cref="ToMermaid"/>) all read this one configuration.
/// </summary>
public sealed class WorkflowMachine
{
    private readonly StateMachine<WorkflowState, WorkflowTrigger> _machine;
    private readonly Dictionary<WorkflowTrigger, StateMachine<WorkflowState, WorkflowTrigger>.TriggerWithParameters<TransitionRequest>> _parameters = [];
    private readonly Dictionary<(WorkflowState State, WorkflowTrigger Trigger), TriggerButton> _buttons = [];
    private readonly HashSet<WorkflowState> _resting = [];
    private IWorkflowEffects? _effects;
    private ActingRoster _roster;
    private Func<FiredTransition, Task<bool>>? _saveAsync;
    private TransitionRequest? _firing;
    private DateTimeOffset _firingAtUtc;
    private FiredTransition? _fired;

    internal WorkflowMachine(WorkflowInstance instance, string title, IWorkflowEffects? effects, ActingRoster? roster = null)
    {
        Instance = instance;
        Title = title;
        _effects = effects;
        _roster = roster ?? ActingRoster.None;
        _machine = new StateMachine<WorkflowState, WorkflowTrigger>(() => Instance.State, state => Instance = Instance with { State = state });
        foreach (var trigger in Enum.GetValues<WorkflowTrigger>())
        {
            _parameters[trigger] = _machine.SetTriggerParameters<TransitionRequest>(trigger);
        }

        // Saving comes before every entry effect: effects read the moved instance back from the store, and a
        // transition refused by the version check in the UPDATE must have no effect at all.
        _machine.OnTransitionedAsync(SaveAsync);
    }

    /// <summary>
    /// Points this configured machine at another instance of the same workflow (kind and unit), so the configuration
    /// is built once and reused: the state, the effects and the roster are all read at the moment they are needed.
    /// </summary>
    internal void Reuse(WorkflowInstance instance, IWorkflowEffects? effects, ActingRoster? roster)
    {
        Instance = instance;
        _effects = effects;
        _roster = roster ?? ActingRoster.None;
        _saveAsync = null;
        _firing = null;
        _fired = null;
    }

    /// <summary>The instance as the machine sees it: after a fire, the moved and saved one.</summary>
    public WorkflowInstance Instance { get; private set; }

    public string Title { get; }

    /// <summary>The triggers <paramref name="officialId"/> may fire now, each with its button; these become the buttons.</summary>
    public async Task<IReadOnlyList<TriggerButton>> PermittedAsync(string officialId)
    {
        var permitted = await _machine.GetPermittedTriggersAsync(new TransitionRequest(officialId));
        return permitted.Select(trigger => _buttons[(Instance.State, trigger)]).ToList();
    }

    /// <summary>
    /// Why a press of <paramref name="trigger"/> by the request's actor, on a button shown at
    /// <paramref name="expectedVersion"/>, would be refused, or null when it would be accepted. Checked in this order:
    /// the actor may fire the trigger in no state at all, the button is stale, the trigger does not apply in this state,
    /// the role's guard fails, a required reason is missing (only when <paramref name="reasonGiven"/>).
    /// </summary>
    public async Task<RefusalReason?> RefusalAsync(WorkflowTrigger trigger, TransitionRequest request, int expectedVersion, bool reasonGiven)
    {
        if (!MayEverFire(trigger, request))
        {
            return RefusalReason.WrongPerson;
        }

        if (expectedVersion != Instance.Version)
        {
            return RefusalReason.StaleVersion;
        }

        if (!_machine.CanFire(_parameters[trigger], request, out var unmetGuards))
        {
            // Stateless reports no unmet guards when the state has no transition for the trigger at all.
            return unmetGuards is null || unmetGuards.Count == 0 ? RefusalReason.NotAllowedInState : RefusalReason.WrongPerson;
        }

        return reasonGiven && _buttons[(Instance.State, trigger)].RequiresReason && request.TrimmedReason is null
            ? RefusalReason.ReasonRequired
            : null;
    }

    /// <summary>The trigger's button in the current state, or null when the state has no such transition.</summary>
    public TriggerButton? ButtonFor(WorkflowTrigger trigger) => _buttons.GetValueOrDefault((Instance.State, trigger));

    /// <summary>The states in which the configuration has a <paramref name="trigger"/> transition (whoever may fire it).</summary>
    internal IEnumerable<WorkflowState> StatesOffering(WorkflowTrigger trigger) =>
        _buttons.Keys.Where(key => key.Trigger == trigger).Select(key => key.State);

    /// <summary>Whether the current state is one where nobody owes anything (verified, signed).</summary>
    public bool IsResting => _resting.Contains(Instance.State);

    /// <summary>Every state the configuration names.</summary>
    public IReadOnlyList<WorkflowState> States =>
        _machine.GetInfo().States.Select(s => (WorkflowState)s.UnderlyingState).ToList();

    /// <summary>The configuration as Stateless's own Mermaid state diagram.</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    /// <summary>
    /// Fires <paramref name="trigger"/>. <paramref name="saveAsync"/> stores the move (false when the stored version
    /// moved on); the registered effects run after it. Returns the saved transition, or null when the save was refused.
    /// Callers check <see cref="RefusalAsync"/> first; this only fails on a lost race.
    /// </summary>
    internal async Task<FiredTransition?> FireAsync(WorkflowTrigger trigger, TransitionRequest request, DateTimeOffset nowUtc, Func<FiredTransition, Task<bool>> saveAsync)
    {
        if (_effects is null)
        {
            throw new InvalidOperationException("This machine was built to answer questions; build it with effects to fire it.");
        }

        _saveAsync = saveAsync;
        _firing = request;
        _firingAtUtc = nowUtc.ToUniversalTime();
        try
        {
            await _machine.FireAsync(_parameters[trigger], request);
            return _fired;
        }
        catch (StaleWorkflowVersionException)
        {
            return null;
        }
    }

    /// <summary>In <paramref name="from"/>, <paramref name="role"/> may fire <paramref name="trigger"/> to move to <paramref name="to"/>.</summary>
    internal WorkflowMachine Permit(
        WorkflowState from,
        WorkflowTrigger trigger,
        WorkflowRole role,
        WorkflowState to,
        string label,
        bool requiresReason = false,
        bool startsRevision = false,
        bool offered = true)
    {
        _machine.Configure(from).PermitIf(_parameters[trigger], to, request => _roster.Admits(role, request.ActorId), role.Title);
        _buttons.Add((from, trigger), new TriggerButton(trigger, label, role, requiresReason, startsRevision, offered));
        return this;
    }

    /// <summary>When <paramref name="state"/> is entered by <paramref name="trigger"/>, <paramref name="effect"/> runs (drawn as its description).</summary>
    internal WorkflowMachine OnEntryFrom(WorkflowState state, WorkflowTrigger trigger, string description, Func<IWorkflowEffects, FiredTransition, Task> effect)
    {
        _machine.Configure(state).OnEntryFromAsync(_parameters[trigger], _ => effect(_effects!, _fired!), description);
        return this;
    }

    /// <summary>Marks a state where nobody owes a step, although some may still act (reopen, revise).</summary>
    internal WorkflowMachine Rests(WorkflowState state)
    {
        _resting.Add(state);
        return this;
    }

    // The role registered beside each permit is the one its guard checks (see Permit), so this reads the same
    // configuration without building a machine per state; the roster resolves stand-ins the same way as the guard.
    private bool MayEverFire(WorkflowTrigger trigger, TransitionRequest request) =>
        _buttons.Values.Any(button => button.Trigger == trigger && _roster.Admits(button.Role, request.ActorId));

    private async Task SaveAsync(StateMachine<WorkflowState, WorkflowTrigger>.Transition transition)
    {
        var request = _firing!;
        var button = _buttons[(transition.Source, transition.Trigger)];
        var before = Instance with { State = transition.Source };
        var after = Instance with
        {
            Version = before.Version + 1,
            Revision = button.StartsRevision ? before.Revision + 1 : before.Revision,
        };
        var audit = new AuditEntry(before.Id, _firingAtUtc, request.ActorId, transition.Trigger, transition.Source, transition.Destination, request.TrimmedReason, after.Version)
        {
            ActingFor = _roster.ActingIn(button.Role, request.ActorId)?.Capacity,
        };
        var fired = new FiredTransition(before, after, request, audit);
        if (!await _saveAsync!(fired))
        {
            throw new StaleWorkflowVersionException();
        }

        Instance = after;
        _fired = fired;
        await _effects!.DecidedAsync(fired);
    }
}
