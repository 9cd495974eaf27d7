using KinerjaBot.Storage;

namespace KinerjaBot.Workflow;

/// <summary>Fires triggers on stored instances: reads, checks against the table, saves with its audit entry.</summary>
public sealed class WorkflowService(WorkflowCatalog catalog, TimeProvider timeProvider)
{
    /// <summary>
    /// Fires <paramref name="trigger"/> inside <paramref name="transaction"/>. The caller commits, together with
    /// whatever data the transition changes. A refusal changes nothing.
    /// </summary>
    public async Task<FireOutcome> FireAsync(
        StoreTransaction transaction,
        long instanceId,
        WorkflowTrigger trigger,
        string officialId,
        int expectedVersion,
        string? reason,
        CancellationToken cancellationToken)
    {
        var instance = await transaction.Workflows.GetAsync(instanceId, cancellationToken)
            ?? throw new KeyNotFoundException($"Workflow instance {instanceId} does not exist.");
        var now = timeProvider.GetUtcNow();
        var outcome = catalog.For(instance).Fire(instance, trigger, officialId, expectedVersion, reason, now);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        // The version check in the UPDATE is the real guard: it also holds when another process wrote in between.
        return await transaction.Workflows.TryApplyAsync(outcome, now, cancellationToken)
            ? outcome
            : FireOutcome.Refused(instance, RefusalReason.StaleVersion);
    }

    /// <summary>The transitions the official may fire on the instance now (the buttons to show).</summary>
    public IReadOnlyList<Transition> PermittedFor(WorkflowInstance instance, string officialId) =>
        catalog.For(instance).PermittedFor(instance, officialId);
}
