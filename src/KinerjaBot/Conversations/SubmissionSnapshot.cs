using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>A unit submission with what it needs to be shown: its unit, period, indicators and current values.</summary>
public sealed record SubmissionSnapshot(
    WorkflowInstance Instance,
    Unit Unit,
    Period Period,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<string, StoredValue> Values)
{
    public Indicator? FirstUnanswered() => Indicators.FirstOrDefault(i => !Values.ContainsKey(i.Code));

    public IReadOnlyList<Indicator> MissingEvidence() =>
        Indicators.Where(i => i.Evidence == EvidenceRule.Required && (!Values.TryGetValue(i.Code, out var v) || v.EvidencePath is null)).ToList();

    // Asked up to three times per answer (plausibility, next question, summary); the last period does not change
    // within one update, and a copy made with `with` is of the same unit and period, so it shares what was read.
    private Task<IReadOnlyDictionary<string, StoredValue>>? _lastPeriodValues;

    /// <summary>The same unit's current values in the period before this one (empty when it was not collected).</summary>
    public Task<IReadOnlyDictionary<string, StoredValue>> LastPeriodValuesAsync(ConversationContext context) =>
        _lastPeriodValues ??= ReadLastPeriodValuesAsync(context);

    private async Task<IReadOnlyDictionary<string, StoredValue>> ReadLastPeriodValuesAsync(ConversationContext context)
    {
        var previous = await context.Transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Previous().Id, Unit.Id, context.CancellationToken);
        return previous is null
            ? new Dictionary<string, StoredValue>()
            : await context.Transaction.Values.CurrentAsync(previous.Id, context.CancellationToken);
    }

    public static Task<SubmissionSnapshot?> LoadAsync(ConversationContext context, long instanceId) =>
        LoadAsync(context.Transaction, context.Office, instanceId, context.CancellationToken);

    /// <summary>Loads outside a chat event too (a period opened from the command line is announced this way).</summary>
    public static async Task<SubmissionSnapshot?> LoadAsync(StoreTransaction transaction, OfficeConfiguration office, long instanceId, CancellationToken cancellationToken)
    {
        var instance = await transaction.Workflows.GetAsync(instanceId, cancellationToken);
        if (instance is not { Kind: WorkflowKind.UnitSubmission, UnitId: { } unitId } || office.Units.All(u => u.Id != unitId))
        {
            return null;
        }

        var period = Period.Parse(instance.PeriodId);
        var values = await transaction.Values.CurrentAsync(instance.Id, cancellationToken);
        return new SubmissionSnapshot(instance, office.Unit(unitId), period, office.IndicatorsFor(unitId, period), values);
    }
}
