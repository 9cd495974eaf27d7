using System.Text;

namespace KinerjaBot.Workflow;

/// <summary>
/// A workflow as ONE transition table. The same rows decide which buttons an official is shown
/// (<see cref="PermittedFor"/>), which presses are accepted (<see cref="Fire"/>) and what the docs
/// draw (<see cref="ToMermaid"/>), so the three can never disagree.
/// </summary>
public sealed class WorkflowDefinition
{
    public WorkflowDefinition(WorkflowKind kind, string title, WorkflowState initial, IReadOnlyList<WorkflowState> finals, IReadOnlyList<Transition> transitions)
    {
        var duplicate = transitions
            .GroupBy(t => (t.From, t.Trigger))
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            // One (state, trigger) pair must lead to exactly one place, or a button press would be ambiguous.
            throw new ArgumentException($"Workflow '{title}' has {duplicate.Count()} rows for {duplicate.Key.Trigger} in {duplicate.Key.From}.", nameof(transitions));
        }

        Kind = kind;
        Title = title;
        Initial = initial;
        Finals = finals;
        Transitions = transitions;
    }

    public WorkflowKind Kind { get; }

    public string Title { get; }

    public WorkflowState Initial { get; }

    public IReadOnlyList<WorkflowState> Finals { get; }

    public IReadOnlyList<Transition> Transitions { get; }

    /// <summary>Every state named by the table, in the order they first appear.</summary>
    public IReadOnlyList<WorkflowState> States =>
        new[] { Initial }.Concat(Transitions.SelectMany(t => new[] { t.From, t.To })).Distinct().ToList();

    /// <summary>The transitions this official may fire on the instance right now; these become the buttons.</summary>
    public IReadOnlyList<Transition> PermittedFor(WorkflowInstance instance, string officialId) =>
        Transitions.Where(t => t.From == instance.State && t.Role.OfficialIds.Contains(officialId)).ToList();

    /// <summary>
    /// Checks and applies one trigger. Refusals, in the order checked: the button is stale
    /// (<paramref name="expectedVersion"/> is not the instance's version), the trigger does not apply in this state,
    /// the official may not fire it, a required reason is missing.
    /// </summary>
    public FireOutcome Fire(WorkflowInstance instance, WorkflowTrigger trigger, string officialId, int expectedVersion, string? reason, DateTimeOffset nowUtc)
    {
        if (instance.Kind != Kind)
        {
            throw new ArgumentException($"A {instance.Kind} instance cannot be driven by the {Kind} workflow.", nameof(instance));
        }

        if (expectedVersion != instance.Version)
        {
            return FireOutcome.Refused(instance, RefusalReason.StaleVersion);
        }

        var row = Transitions.FirstOrDefault(t => t.From == instance.State && t.Trigger == trigger);
        if (row is null)
        {
            return FireOutcome.Refused(instance, RefusalReason.NotAllowedInState);
        }

        if (!row.Role.OfficialIds.Contains(officialId))
        {
            return FireOutcome.Refused(instance, RefusalReason.WrongPerson);
        }

        var trimmedReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (row.RequiresReason && trimmedReason is null)
        {
            return FireOutcome.Refused(instance, RefusalReason.ReasonRequired);
        }

        var moved = instance with
        {
            State = row.To,
            Version = instance.Version + 1,
            Revision = row.StartsRevision ? instance.Revision + 1 : instance.Revision,
        };
        var audit = new AuditEntry(instance.Id, nowUtc.ToUniversalTime(), officialId, trigger, instance.State, row.To, trimmedReason, moved.Version);
        return FireOutcome.Moved(moved, audit);
    }

    /// <summary>The table as a Mermaid state diagram, for the README.</summary>
    public string ToMermaid()
    {
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append($"    %% {Title}\n");
        text.Append($"    [*] --> {Initial.Name}\n");
        foreach (var row in Transitions)
        {
            var reason = row.RequiresReason ? ", alasan wajib" : string.Empty;
            text.Append($"    {row.From.Name} --> {row.To.Name} : {row.Trigger} ({row.Role.Title}{reason})\n");
        }

        foreach (var final in Finals)
        {
            text.Append($"    {final.Name} --> [*]\n");
        }

        return text.ToString();
    }
}
