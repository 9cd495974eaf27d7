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
